// Issue 11, finding 20 (generated shape else-branch): the write is in the
// other branch; both handlers must be rewritten (today: HC002 on h1).
// @options {}
// @props generated
// @safe h1,h2
export function Order0(props: any) {
  const { log, data } = props;
  let label = String(data.title);
  let el: any;
  if (data.title) {
    el = <i onClick={() => log("h1", label)} />;
  } else {
    label = "other";
    el = <b onClick={() => log("h2", label)}>{label}</b>;
  }
  return el;
}
