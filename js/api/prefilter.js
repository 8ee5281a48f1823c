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
  const attribute = attributeRegExp(options);
  if (!attribute) return (code) => code.includes("=>");
  return (code) => code.includes("=>") && attribute.test(code);
}

/**
 * The attribute half of the scan as a RegExp (also handed to bundlers that
 * evaluate hook filters natively, so that ruled-out files never reach
 * JavaScript), or `null` with `attributePattern` or an empty prefix.
 */
export function attributeRegExp(options = {}) {
  const prefix = options.attributePattern ? "" : (options.attributePrefix ?? "on");
  if (!prefix) return null;
  const gap = String.raw`(?:\s|/\*[\s\S]*?\*/|//[^\n]*\n)*`;
  return new RegExp(`(?:^|[\\s}"'/])${escapeRegExp(prefix)}[^\\s=/>]*${gap}=${gap}\\{`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
