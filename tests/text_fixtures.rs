//! Exact-bytes goldens for the codemod's text back end on deliberately odd
//! formatting: `fixtures-text/<case>/{input.tsx, output.tsx}` (comments in
//! and around handlers, CRLF, tabs, non-ASCII and emoji, JSX text with
//! braces, a BOM, very long lines, bare and optional parameters, the file's
//! quote and semicolon style, comments in every gap of an arrow head, an
//! import after the leading comments, next-line directives). The golden is
//! the exact expected output. The same inputs also check that the AST back
//! end is idempotent.

use std::{fs, path::PathBuf};

use handler_closures::{driver, Options};

#[testing::fixture("fixtures-text/*/input.tsx")]
fn exact_bytes(input: PathBuf) {
    let dir = input.parent().unwrap();
    let source = fs::read_to_string(&input).unwrap();
    let expected = fs::read_to_string(dir.join("output.tsx")).unwrap();
    let output = driver::transform_text(&source, "input.tsx", &Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    assert!(output.diagnostics.is_empty(), "{:?}", output.diagnostics);
    if output.code != expected {
        let diff = similar::TextDiff::from_lines(&expected, &output.code);
        panic!(
            "{}: output differs from the exact golden:\n{}",
            dir.display(),
            diff.unified_diff().header("expected", "actual")
        );
    }
    let again = driver::transform_text(&output.code, "output.tsx", &Options::default()).unwrap();
    assert_eq!(again.code, output.code, "{}: not idempotent", dir.display());
}

/// The AST back end (the JS API's `output: "print"`) on the same odd inputs:
/// a second run changes nothing, also with comments in every gap of an arrow
/// head and next to the arrow (`e /* c */ => ...`, `{/* c1 */ () => ...}`).
#[testing::fixture("fixtures-text/*/input.tsx")]
fn print_idempotent(input: PathBuf) {
    let source = fs::read_to_string(&input).unwrap();
    let once = driver::transform(&source, "input.tsx", &Options::default())
        .unwrap_or_else(|e| panic!("{}: {e}", input.display()));
    let twice = driver::transform(&once.code, "input.tsx", &Options::default()).unwrap();
    if twice.code != once.code {
        let diff = similar::TextDiff::from_lines(&once.code, &twice.code);
        panic!(
            "{}: a second print run changed the output:\n{}",
            input.display(),
            diff.unified_diff().header("first run", "second run")
        );
    }
}
