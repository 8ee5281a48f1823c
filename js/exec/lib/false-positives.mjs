// The false-positive oracle of the generated programs: handlers the
// generator knows to be safe (generate-order.mjs, `program.safe`) must be
// rewritten, not refused. Equivalence alone cannot see a refusal: a handler
// left as written behaves the same, but an SWC build fails on the error.
//
//   notRewritten(output, markers) -> the markers whose handler is not rewritten
//
// Example: with markers ["h1"], the output
//   <b onClick={handler((event, { log, label }) => log("h1", label))({ log, label })} />
// passes, and `<b onClick={() => log("h1", label)} />` (refused) is reported.
//
// Implementation notes: each safe handler's body logs its marker string
// first; the attribute holding a marker is the last `on...={` before it (the
// generated safe handlers hold no nested JSX attribute). After that brace,
// comments and spaces are skipped and the value must be a call of the helper
// (`handler(`, `handler1(`... or `__ctHelpers.handler(`).
//
// With `hoist: true` the callback holding the marker sits in a module-level
// `const NAME = /*#__PURE__*/ handler(...)`: when such a declaration starts
// after the last attribute before the marker, the handler counts as
// rewritten if some `on...={` attribute's value is a call of NAME.
const ATTRIBUTE = /\bon[\w:-]*=\{/g;
const GAP = /^(?:\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*/;
const HELPER_CALL = /^(?:__ctHelpers\.)?handler\d*\(/;
const HOISTED = /^const ([A-Za-z_$][\w$]*) = (?:\/\*#__PURE__\*\/ )?(?:__ctHelpers\.)?handler\d*\(/gm;

export function notRewritten(output, markers) {
  const missed = [];
  for (const m of markers) {
    const at = output.indexOf(JSON.stringify(m));
    if (at < 0) {
      missed.push(m);
      continue;
    }
    const before = output.slice(0, at);
    let open = -1;
    for (const a of before.matchAll(ATTRIBUTE)) open = a.index + a[0].length;
    let hoisted = null;
    for (const h of before.matchAll(HOISTED)) if (h.index > open) hoisted = h[1];
    if (hoisted) {
      const used = [...output.matchAll(ATTRIBUTE)].some((a) => output.slice(a.index + a[0].length).replace(GAP, "").startsWith(`${hoisted}(`));
      if (!used) missed.push(m);
      continue;
    }
    const value = open < 0 ? "" : output.slice(open).replace(GAP, "");
    if (!HELPER_CALL.test(value)) missed.push(m);
  }
  return missed;
}
