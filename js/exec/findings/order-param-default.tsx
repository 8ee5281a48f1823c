// Issue 11, finding 2 (generated shape param-default): a parameter default
// holds a handler that reads a later parameter; the rewrite throws at render
// (TDZ). Expected: HC003.
// @options {}
// @props generated
export function Order0({ log, footer = <button onClick={() => log("h1", later)}>x</button>, later = 5 }: any) {
  return <div>{footer}</div>;
}
