// Issue 11, finding 10 (generated shape arrow-comments): with comments next
// to the parameter, a second run of the AST back end moves them again.
// @options {}
// @props generated
// @backend ast
// @safe h1
export function Order0(props: any) {
  const { log } = props;
  let x = { v: 9 };
  return <b onClick={async ( /* c */e /* c */: any /* ( */) /* (1) */: void => log("h1", x)} />;
}
