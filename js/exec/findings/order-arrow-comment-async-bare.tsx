// Issue 11, finding 9 (generated shape arrow-comments): a ( in a comment
// between async and a bare parameter is taken for the parameter list; the
// text back end's output does not parse.
// @options {}
// @props generated
// @safe h1
export function Order0(props: any) {
  const { log } = props;
  const x = { v: 4 };
  return <b onClick={async /* ( */ e => log("h1", x.v)} />;
}
