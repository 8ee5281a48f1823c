// Finding, fixed by src/print_fixes.rs (js/realcode: 11 files of ra-ui-materialui): SWC's fixer drops the
// parentheses of an object literal that is an arrow's body behind `as` /
// `satisfies`: `() => ({ a: 1 }) as any` is printed `()=>{ a: 1 } as any`, a
// block body: the output does not parse (or, for `{ a }`-like bodies, is
// another program). The AST back end (JS API `output: "print"`,
// driver::transform) prints TS without stripping it first, so it hits this;
// SWC hosts strip types before printing and the text back end keeps the
// source. The driver's ParenthesizeTsOperands could parenthesize an object
// literal under `as`/`satisfies`/`!` in arrow-body position.
const make = (locale: string) => ({ locale, fields: { id: "Id" } }) as any;

export function Fields({ save }) {
  return <button onClick={() => save(make("en"))}>save</button>;
}
