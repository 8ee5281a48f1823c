//! Diagnostic columns in the CLI's one-line report and `--format json` are
//! counted in characters (Unicode scalar values), also after astral
//! characters such as emoji (issue 11, finding 21). The code frame is pinned
//! by a unit test in `src/report.rs`.

use assert_cmd::Command;

/// HC001 on `n`, after two emoji on the same line: character column 39
/// (UTF-16 would say 41, UTF-8 bytes 45).
const SOURCE: &str =
    "export function C() {\n  let n = 0;\n  return <b title=\"😀😀\" onClick={() => n++} />;\n}\n";

fn cli() -> Command {
    Command::cargo_bin("handler-closures").unwrap()
}

#[test]
fn one_line_report_counts_characters() {
    let output = cli()
        .args(["-", "--stdin-filename", "a.tsx"])
        .write_stdin(SOURCE)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    assert!(stderr.starts_with("a.tsx:3:39: error[HC001]"), "{stderr}");
}

#[test]
fn json_report_counts_characters() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.tsx"), SOURCE).unwrap();
    let output = cli()
        .current_dir(dir.path())
        .args(["--check", "--format", "json", "a.tsx"])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&output).unwrap();
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "HC001");
    assert_eq!(
        (&d["line"], &d["column"], &d["endLine"], &d["endColumn"]),
        (&3.into(), &39.into(), &3.into(), &40.into()),
        "{d}"
    );
}
