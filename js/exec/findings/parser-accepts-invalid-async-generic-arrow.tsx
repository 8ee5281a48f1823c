// Finding (fuzz/source; fixed in d58c9fe, kept as a regression test): SWC's parser accepts invalid code in the body of an
// async generic arrow (`async <T,>(e: T) => { a<void>r; }`) without an
// error, leaving an `Invalid` node. The AST back end (SWC plugin, JS API
// `output: "print"`) then prints `a < void <invalid> > r;`, which does not
// parse; the text back end (CLI) passes the invalid text through and its
// own re-parse check cannot tell (same parser). TypeScript and esbuild reject
// the input ("Expression expected"), as SWC does for a non-generic async
// arrow. Expected: the file is refused with HC101 (e.g. the driver rejects a
// program containing Expr::Invalid / Pat::Invalid after parsing).
// @expect refused
export function Upload({ uploader }) {
  return <button onClick={async <T,>(e: T) => { a<void>r; }}>up</button>;
}
