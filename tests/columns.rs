//! Diagnostic columns are counted in characters (Unicode scalar values)
//! everywhere (issue 11, finding 21): SWC's own `col` counts UTF-16 units,
//! which put every column after an emoji or other astral character one too
//! far per character.
//!
//! ```text
//! <b title="😀😀" onClick={() => n++} />   `n` is character 39, UTF-16 unit 41, byte 45
//! ```

use handler_closures::{diagnostics::line_and_column, driver, Code, Options};

/// A write to a captured `let` (HC001) after two astral characters on the
/// same line, and the 1-based character column of `n`.
const SOURCE: &str =
    "export function C() {\n  let n = 0;\n  return <b title=\"😀😀\" onClick={() => n++} />;\n}\n";

fn expected_column(source: &str, needle: &str) -> usize {
    let line = source.lines().nth(2).unwrap();
    line[..line.find(needle).unwrap()].chars().count() + 1
}

#[test]
fn diagnostics_count_columns_in_characters_after_astral_characters() {
    for back_end in ["print", "text"] {
        let output = if back_end == "print" {
            driver::transform(SOURCE, "a.tsx", &Options::default()).unwrap()
        } else {
            driver::transform_text(SOURCE, "a.tsx", &Options::default()).unwrap()
        };
        let error = &output.diagnostics[0];
        assert_eq!(error.code, Code::WriteToCapture, "{back_end}");
        assert_eq!(&SOURCE[error.start..error.end], "n", "{back_end}");
        let column = expected_column(SOURCE, "n++");
        assert_eq!(column, 39);
        assert_eq!(
            (error.line, error.column, error.end_line, error.end_column),
            (3, column, 3, column + 1),
            "{back_end}: {error}"
        );
    }
}

#[test]
fn parse_errors_count_columns_in_characters() {
    let source = "const s = \"😀\"; const a = <b onClick={() => }/>;\n";
    let error = driver::transform(source, "bad.tsx", &Options::default()).unwrap_err();
    assert_eq!(error.code, Code::ParseError);
    let (line, column) = line_and_column(source, error.start);
    assert_eq!((error.line, error.column), (line, column), "{error}");
    assert_eq!(source[..error.start].chars().count() + 1, column);
}

#[test]
fn line_and_column_counts_scalar_values_and_lines_by_newline() {
    let source = "a\r\n😀é\tb\n";
    assert_eq!(line_and_column(source, 0), (1, 1));
    assert_eq!(line_and_column(source, source.find('b').unwrap()), (2, 4));
    // Inside a character: its start; past the end: the end.
    assert_eq!(
        line_and_column(source, source.find('😀').unwrap() + 1),
        (2, 1)
    );
    assert_eq!(line_and_column(source, 1000), (3, 1));
}
