// Found by the generated shape switch-function (like finding 4): a function
// declared in a later case is hoisted to the switch block and may be
// captured, but the rewrite does not pass it: the handler is not closed.
// It is hoisted and initialised, but SWC's resolver leaves the use unresolved,
// so the transform cannot pass it: expected, refused with HC003 (left as written).
// @options {}
// @props generated
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
