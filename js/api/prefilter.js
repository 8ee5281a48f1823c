// The bundler plugins' fast path: a scan of the source text that says
// whether a file may hold an event handler, before anything is parsed.
//
//   const mayHaveHandlers = createPrefilter({ attributePrefix: "on" });
//   mayHaveHandlers('<a onClick={() => go()} />'); // true
//   mayHaveHandlers('export const x = 1;');        // false: not parsed, returned as it is
//
// A handler is an attribute whose name starts with the prefix, `=`, then a
// `{` holding an arrow, so a file is transformed only when it holds `=>` and
// the prefix right after whitespace, `}`, a quote or `/` (the end of a
// comment), followed by name characters, `=` and `{` (comments may stand
// between them). It may say yes for a file without handlers (the transform
// then changes nothing); it never says no for one with a handler. With
// `attributePattern`, or an empty prefix, only the `=>` is looked for.

/** A function `(code) => boolean`: `false` means no handler can be in `code`. */
export function createPrefilter(options = {}) {
  const prefix = options.attributePattern ? "" : (options.attributePrefix ?? "on");
  if (!prefix) return (code) => code.includes("=>");
  const gap = String.raw`(?:\s|/\*[\s\S]*?\*/|//[^\n]*\n)*`;
  const attribute = new RegExp(`(?:^|[\\s}"'/])${escapeRegExp(prefix)}[^\\s=/>]*${gap}=${gap}\\{`);
  return (code) => code.includes("=>") && attribute.test(code);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
