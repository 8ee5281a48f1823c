// Issue 11, finding 5 (generated shape merged-enum): the second declaration
// of E adds B after the JSX; the rewrite reads E.B at render (undefined
// instead of 2). A computed member, so esbuild does not inline it.
// Expected: the path stops at E (a later enum declaration writes it), or HC002.
// @options {}
// @props generated
export function Order0(props: any) {
  const { log } = props;
  enum E {
    A = 1,
  }
  const el = <b onClick={() => log("h1", E.A, E.B)} />;
  enum E {
    B = "xy".length,
  }
  return el;
}
