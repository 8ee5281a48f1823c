// Finding (fuzz/source; fixed in d58c9fe, kept as a regression test): `(m,~=>` trips a debug assertion in SWC's parser
// (swc_ecma_parser 47.0.0, parser/expr.rs:2769 `debug_assert_eq!(items.len(), 1)`):
// debug builds of the CLI (and cargo test builds) panic with exit 101
// instead of reporting HC101. Release builds (the shipped CLI, the wasm
// modules) report HC101. A catch_unwind around parsing in the driver would
// cover this and parser-panic-namespaced-member-tag.tsx.
// @expect refused
(m,~=>
