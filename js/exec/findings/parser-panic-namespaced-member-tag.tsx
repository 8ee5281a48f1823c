// Finding (fuzz/source; fixed in d58c9fe, kept as a regression test): a JSX tag name that is a namespaced name followed by
// a member (`<a:b.c`) makes SWC's parser panic (swc_ecma_parser 47.0.0,
// parser/jsx.rs:137 `unreachable!("JSXNamespacedName -> JSXObject")`), in
// release builds too. The CLI dies with exit 101 and a panic message instead
// of HC101; the JS API throws "internal error" although it promises to throw
// only for invalid options. Expected: the file is refused with HC101.
// @expect refused
export function Tag({ save }) {
  return <a:b.c onClick={() => save()} />;
}
