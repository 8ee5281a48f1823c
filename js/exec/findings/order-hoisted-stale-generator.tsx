// Issue 11, finding 1 (generated shape hoisted-stale): a generator declared
// after the return runs the JSX, then v is written; the rewrite passes the
// value before the write (1 instead of 12). Expected: HC002.
// @options {}
// @props generated
export function Order0(props: any) {
  const { log } = props;
  var v = 1;
  const el = [...Render()][0];
  v = 12;
  return <div>{el}</div>;
  function* Render() {
    yield <b onClick={() => log("h1", v)} />;
  }
}
