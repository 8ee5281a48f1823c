// Issue 11, finding 4 (generated shape switch-fallthrough): x is declared in
// a later case reached by fall-through (in its TDZ at the JSX). The rewrite
// does not pass it, so the handler is not closed: the harness calls a copy
// of it evaluated in the module scope, where x is not defined. Expected: HC003.
// @options {}
// @props generated
export function Order0(props: any) {
  const { log } = props;
  let el: any;
  switch (1) {
    case 1:
      el = <b onClick={() => log("h1", x)} />;
    case 2:
      const x = 5;
      log(x);
  }
  return <div>{el}</div>;
}
