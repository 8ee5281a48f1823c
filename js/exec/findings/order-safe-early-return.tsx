// Issue 11, finding 20 (generated shape early-return): the write after
// `if (c) return <jsx>` cannot run after that JSX; both handlers must be
// rewritten (today: HC002 on h1).
// @options {}
// @props generated
// @safe h1,h2
export function Order0(props: any) {
  const { log, data } = props;
  let label = String(data.title);
  if (data.title) return <i onClick={() => log("h1", label)} />;
  label = label.toUpperCase();
  return <b onClick={() => log("h2", label)}>{label}</b>;
}
