//! The CLI's contract: what goes to stdout and stderr, exit codes, and the
//! codemod over directories.

use assert_cmd::Command;
use predicates::prelude::*;
use std::{fs, path::Path};

fn cli() -> Command {
    Command::cargo_bin("handler-closures").unwrap()
}

const GOOD: &str = "export function A({ s }) { return <b onClick={() => s.x.go()} />; }\n";
const GOOD_OUT: &str = "import { handler } from \"commontools\";\nexport function A({ s }) { return <b onClick={handler((event, { s }) => s.x.go())({ s: { x: s.x } })} />; }\n";
const REFUSED: &str = "export function A() {\n  let n = 0;\n  return <>\n    <b onClick={() => n++} />\n    <i onClick={() => log(1)} />\n  </>;\n}\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn transforms_a_file_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "A.tsx", GOOD);
    cli()
        .arg(dir.path().join("A.tsx"))
        .assert()
        .success()
        .stdout(GOOD_OUT)
        .stderr("");
    // The file itself is not touched.
    assert_eq!(fs::read_to_string(dir.path().join("A.tsx")).unwrap(), GOOD);
}

#[test]
fn reads_stdin() {
    cli()
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .success()
        .stdout(GOOD_OUT);
}

#[test]
fn refused_handlers_print_the_file_and_exit_2() {
    cli()
        .args(["-", "--stdin-filename", "src/A.tsx"])
        .write_stdin(REFUSED)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("<b onClick={() => n++} />"))
        .stdout(predicate::str::contains(
            "<i onClick={handler((event, params) => log(1))({})} />",
        ))
        .stderr(predicate::str::starts_with(
            "src/A.tsx:4:23: error[HC001]: handler left as written",
        ));
}

#[test]
fn warnings_go_to_stderr_with_exit_0() {
    let source = "export class C { render() { return <b onClick={() => this.go()} />; } }\n";
    cli()
        .arg("-")
        .write_stdin(source)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "handler((event, params) => this.go())({})",
        ))
        .stderr(predicate::str::contains("stdin.tsx:1:54: warning[HC007]"));
}

#[test]
fn parse_error_prints_nothing_and_exits_2() {
    cli()
        .arg("-")
        .write_stdin("const a = <b onClick={() => }/>;\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "stdin.tsx:1:29: error[HC101]: the file does not parse",
        ));
}

#[test]
fn unreadable_and_binary_files_exit_2() {
    cli()
        .arg("/nonexistent/A.tsx")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "/nonexistent/A.tsx: error: cannot read file",
        ));
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bin.tsx"),
        [0x50u8, 0x4b, 0x03, 0x04, 0x00, 0xff],
    )
    .unwrap();
    cli()
        .arg(dir.path().join("bin.tsx"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("binary file"));
}

#[test]
fn bad_options_name_the_field_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hc.json", r#"{ "captureMode": "everything" }"#);
    cli()
        .arg("--config")
        .arg(dir.path().join("hc.json"))
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("error[HC100]"))
        .stderr(predicate::str::contains("`captureMode`"));
}

#[test]
fn options_from_config_apply() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hc.json",
        r#"{ "captureMode": "roots", "helperModule": "@my/runtime" }"#,
    );
    cli()
        .arg("--config")
        .arg(dir.path().join("hc.json"))
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "import { handler } from \"@my/runtime\";",
        ))
        .stdout(predicate::str::contains("({ s })"));
}

#[test]
fn a_directory_without_a_mode_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    cli().arg(dir.path()).assert().code(2).stdout("").stderr(
        predicate::str::contains("--write")
            .and(predicate::str::contains("--check"))
            .and(predicate::str::contains("--diff")),
    );
    cli()
        .args(["-", "--write"])
        .write_stdin(GOOD)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot --write standard input"));
}

/// A small repository: handlers to rewrite, a file without handlers, an
/// ignored directory, a hidden file, a non-TSX file, a symlink loop.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join(".git")).unwrap();
    write(root, ".gitignore", "dist/\n");
    write(root, "src/A.tsx", GOOD);
    write(
        root,
        "src/deep/B.jsx",
        "export const B = ({ go }) => <a onClick={() => go()} />;\n",
    );
    write(
        root,
        "src/Plain.tsx",
        "export const Plain = () => <div />;\n",
    );
    write(root, "src/util.ts", "export const x = <T,>(v: T) => v;\n");
    write(root, "dist/Built.tsx", GOOD);
    write(root, ".hidden/H.tsx", GOOD);
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", root.join("src/loop")).unwrap();
    dir
}

#[test]
fn check_lists_files_that_would_change_and_respects_ignores() {
    let dir = repo();
    cli()
        .current_dir(dir.path())
        .args(["--check", "."])
        .assert()
        .code(1)
        .stdout("./src/A.tsx\n./src/deep/B.jsx\n")
        .stderr(predicate::str::contains(
            "scanned 3 files: 2 changed, 2 handlers rewritten",
        ));
    // Nothing was written.
    assert_eq!(
        fs::read_to_string(dir.path().join("src/A.tsx")).unwrap(),
        GOOD
    );
}

#[test]
fn write_then_check_is_clean_and_idempotent() {
    let dir = repo();
    cli()
        .current_dir(dir.path())
        .args(["--write", "."])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("src/A.tsx")).unwrap(),
        GOOD_OUT
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("dist/Built.tsx")).unwrap(),
        GOOD,
        "ignored"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join(".hidden/H.tsx")).unwrap(),
        GOOD,
        "hidden"
    );
    cli()
        .current_dir(dir.path())
        .args(["--check", "."])
        .assert()
        .success()
        .stdout("");
    let before = fs::read_to_string(dir.path().join("src/deep/B.jsx")).unwrap();
    cli()
        .current_dir(dir.path())
        .args(["--write", "."])
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("src/deep/B.jsx")).unwrap(),
        before
    );
}

#[test]
fn diff_shows_only_the_handler_lines() {
    let dir = repo();
    cli()
        .current_dir(dir.path())
        .args(["--diff", "src/A.tsx"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "--- a/src/A.tsx\n+++ b/src/A.tsx\n",
        ))
        .stdout(predicate::str::contains(
            "-export function A({ s }) { return <b onClick={() => s.x.go()} />; }",
        ))
        .stdout(predicate::str::contains(
            "+import { handler } from \"commontools\";",
        ));
}

#[test]
fn errors_are_reported_after_all_other_files_are_processed() {
    let dir = repo();
    write(dir.path(), "src/Refused.tsx", REFUSED);
    fs::write(dir.path().join("src/Binary.tsx"), [0u8, 1, 2, 3]).unwrap();
    write(
        dir.path(),
        "src/Broken.tsx",
        "export const X = <div onClick={() => }/>;\n",
    );
    cli()
        .current_dir(dir.path())
        .args(["--write", "src"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "src/Binary.tsx: error: binary file",
        ))
        .stderr(predicate::str::contains(
            "src/Broken.tsx:1:38: error[HC101]",
        ))
        .stderr(predicate::str::contains(
            "src/Refused.tsx:4:23: error[HC001]",
        ));
    // The good files were still written; the broken one was not touched;
    // the refused handler stays as written while its sibling is rewritten.
    assert_eq!(
        fs::read_to_string(dir.path().join("src/A.tsx")).unwrap(),
        GOOD_OUT
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("src/Broken.tsx")).unwrap(),
        "export const X = <div onClick={() => }/>;\n"
    );
    let refused = fs::read_to_string(dir.path().join("src/Refused.tsx")).unwrap();
    assert!(refused.contains("<b onClick={() => n++} />"), "{refused}");
    assert!(
        refused.contains("handler((event, params) => log(1))({})"),
        "{refused}"
    );
}

#[test]
fn json_report_follows_the_schema() {
    let dir = repo();
    write(dir.path(), "src/Refused.tsx", REFUSED);
    let output = cli()
        .current_dir(dir.path())
        .args(["--check", "--format", "json", "src"])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&output).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["filesScanned"], 4);
    assert_eq!(report["summary"]["filesChanged"], 3);
    assert_eq!(report["summary"]["diagnosticsByCode"]["HC001"], 1);
    let refused = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "src/Refused.tsx")
        .unwrap();
    assert_eq!(refused["status"], "changed");
    assert_eq!(refused["diagnostics"][0]["code"], "HC001");
    assert_eq!(refused["diagnostics"][0]["line"], 4);
    assert_eq!(refused["diagnostics"][0]["column"], 23);
}

#[test]
fn a_script_is_printed_as_written_with_an_error_per_handler() {
    let source = "render(<b onClick={() => go()} />);\n";
    cli()
        .arg("-")
        .write_stdin(source)
        .assert()
        .code(2)
        .stdout(source)
        .stderr(predicate::str::starts_with(
            "stdin.tsx:1:20: error[HC009]: handler left as written: this file is a script",
        ));
}

#[cfg(unix)]
#[test]
fn write_goes_through_a_link_given_by_name_and_skips_links_in_a_walk() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "real/A.tsx", GOOD);
    std::os::unix::fs::symlink("real/A.tsx", dir.path().join("Link.tsx")).unwrap();
    // Met in a walk, the link is not followed: only real/A.tsx is processed.
    cli()
        .args(["--check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("real/A.tsx").and(predicate::str::contains("Link").not()));
    cli()
        .arg("--write")
        .arg(dir.path().join("Link.tsx"))
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("real/A.tsx")).unwrap(),
        GOOD_OUT
    );
    let link = fs::symlink_metadata(dir.path().join("Link.tsx")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
}

#[cfg(unix)]
#[test]
fn write_refuses_a_read_only_file_and_names_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "A.tsx", GOOD);
    write(dir.path(), "B.tsx", GOOD);
    let locked = dir.path().join("A.tsx");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).unwrap();
    cli()
        .arg("--write")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}: error: cannot write file (left unchanged): the file is read-only",
            locked.display()
        )));
    assert_eq!(fs::read_to_string(&locked).unwrap(), GOOD);
    assert_eq!(
        fs::metadata(&locked).unwrap().permissions().mode() & 0o777,
        0o444
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("B.tsx")).unwrap(),
        GOOD_OUT
    );
}

#[test]
fn a_config_file_with_a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "hc.json",
        "\u{feff}{ \"helperModule\": \"@my/runtime\" }\n",
    );
    cli()
        .arg("--config")
        .arg(dir.path().join("hc.json"))
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "import { handler } from \"@my/runtime\";",
        ));
}
