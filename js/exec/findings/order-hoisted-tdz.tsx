// Issue 11, finding 1 (generated shape hoisted-tdz): a hoisted function runs
// the JSX before the binding it captures is initialised; the rewrite throws
// at render (TDZ). Expected: HC003, handler left as written.
// @options {}
// @props generated
export function Order0(props: any) {
  const { log } = props;
  const el = Render();
  const x = { v: 4 };
  return <div>{el}</div>;
  function Render() {
    return <b onClick={() => log("h1", x.v)} />;
  }
}
