// Finding, fixed by src/print_fixes.rs (fuzz/structured): SWC's
// fixer/code generator drops parentheses a
// callee, member object, `!` operand or TS `as`/`satisfies` operand needs, so
// the AST back end prints code that does not parse, or (nested) re-parses as
// another program:
//   (<b />)()    -> <b/>()       (also `(<b />).props`, `(<></>)["type"]`)
//   (<b />)!     -> <b/>!        (TS non-null on JSX)
//   (n++)()      -> n++()
//   (n++)?.()    -> n++?.()
//   c in ((a as any) + b) -> c in a as any + b   (SWC's own parser rejects it:
//   "An unparenthesized `as` or `satisfies` expression cannot be followed by an
//   operator..."; nested deeper it re-parsed with another structure)
// The AST back end (JS API `output: "print"`, driver::transform) prints that;
// the text back end keeps the source text and is fine. The driver already
// puts back parentheses SWC drops around some `!` operands
// (ParenthesizeTsOperands); a JSX element (also as a `!` operand) or an update
// expression in callee, member-object or tag position needs the same. (In the SWC plugin the host
// prints, with the same result with or without the plugin.)
export function Odd({ save, s }) {
  const make = () => (<b onClick={() => save()} />).props;
  return <i onClick={() => save(make, () => (s.n++)?.(), "k" in ((s as any) + 1))}>{(<></>)["type"]}</i>;
}
