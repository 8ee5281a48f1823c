//! Exact-bytes goldens for the codemod's text back end on deliberately odd
//! formatting: `fixtures-text/<case>/{input.tsx, output.tsx}` (comments in
//! and around handlers, CRLF, tabs, non-ASCII and emoji, JSX text with
//! braces, a BOM, very long lines, bare and optional parameters, the file's
//! quote and semicolon style). The golden is the exact expected output.

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
