// Issue 11, finding 9 (generated shape arrow-comments): comments holding (
// and => around an empty parameter list; the text back end writes the new
// parameters into a comment, and the handler reads log from nowhere.
// @options {}
// @props generated
// @safe h1
export function Order0(props: any) {
  const { log } = props;
  const x = 4;
  return <b onClick={async /* (1) */ ( /* (1) */) /* ) => */ => log("h1", x)} />;
}
