// Finding (fuzz/structured): a file without import or export is a script;
// the helper import the transform added made it a module. That changes how
// the file parses and runs: module code is strict, `await` is reserved (the
// fuzzed input was `function await(x) {...}`: the output did not parse),
// `this` at the top is undefined, top-level `var`s and functions are no
// longer globals, and a sloppy-mode assignment to an undeclared name throws.
// Fixed: in a script every handler is left as written with HC009, so the
// output is the input and runs the same. (The input here avoids `await` as a
// name: esbuild, which the harness compiles with, rejects it in .tsx.)
var clicks = 0;
function wait(x) {
  return x;
}
function Counter({ s }) {
  return <b onClick={() => s.go(wait(clicks))} />;
}
render(<i onClick={() => wait(clicks)}><Counter s={{ go: (n) => n + 1 }} /></i>);
