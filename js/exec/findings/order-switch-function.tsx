// Found by the generated shape switch-function (like finding 4): a function
// declared in a later case is hoisted to the switch block and may be
// captured, but the rewrite does not pass it: the handler is not closed.
// Expected: rewritten with later in the params (it is initialised on entry).
// @options {}
// @props generated
// @safe h1
export function Order0(props: any) {
  const { log } = props;
  let el: any;
  switch (1) {
    case 1:
      el = <b onClick={() => log("h1", later())} />;
    case 2:
      function later() {
        return 3;
      }
  }
  return el;
}
