// Issue 11, finding 20 (generated shape throw-after): the write after
// `if (c) throw <jsx>` cannot run after that JSX; the handler must be
// rewritten (today: HC002).
// @options {}
// @props generated
// @safe h1
export function Order0(props: any) {
  const { log, data } = props;
  let label = String(data.title);
  try {
    if (data.title) throw <i onClick={() => log("h1", label)} />;
    label = label + "!";
  } catch (thrown) {
    return thrown;
  }
  return <b>{label}</b>;
}
