//! The CLI's contract: what goes to stdout and stderr, and the exit code.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn cli() -> Command {
    Command::cargo_bin("handler-closures").unwrap()
}

const GOOD: &str = "export function A({ s }) { return <b onClick={() => s.x.go()} />; }\n";
const REFUSED: &str = "export function A() {\n  let n = 0;\n  return <>\n    <b onClick={() => n++} />\n    <i onClick={() => log(1)} />\n  </>;\n}\n";

#[test]
fn transforms_a_file_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("A.tsx");
    fs::write(&file, GOOD).unwrap();
    cli()
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("import { handler } from \"commontools\";"))
        .stdout(predicate::str::contains("handler((event, { s })=>s.x.go())"))
        .stderr("");
    // The file itself is not touched.
    assert_eq!(fs::read_to_string(&file).unwrap(), GOOD);
}

#[test]
fn reads_stdin() {
    cli()
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .success()
        .stdout(predicate::str::contains("x: s.x"));
}

#[test]
fn refused_handlers_print_the_file_and_exit_2() {
    cli()
        .arg("-")
        .args(["--stdin-filename", "src/A.tsx"])
        .write_stdin(REFUSED)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("onClick={()=>n++}"))
        .stdout(predicate::str::contains("handler((event, params)=>log(1))({})"))
        .stderr(predicate::str::starts_with(
            "src/A.tsx:4:23: error[HC001]: handler left as written",
        ));
}

#[test]
fn warnings_go_to_stderr_with_exit_0() {
    let source = "class C { render() { return <b onClick={() => this.go()} />; } }\n";
    cli()
        .arg("-")
        .write_stdin(source)
        .assert()
        .success()
        .stdout(predicate::str::contains("handler((event, params)=>this.go())"))
        .stderr(predicate::str::contains("stdin.tsx:1:47: warning[HC007]"));
}

#[test]
fn parse_error_prints_nothing_and_exits_2() {
    cli()
        .arg("-")
        .write_stdin("const a = <b onClick={() => }/>;\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("stdin.tsx:1:29: error[HC101]: the file does not parse"));
}

#[test]
fn unreadable_and_binary_files_exit_2() {
    cli()
        .arg("/nonexistent/A.tsx")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("/nonexistent/A.tsx: cannot read file"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bin.tsx");
    fs::write(&file, [0x50u8, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00]).unwrap();
    cli()
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("not a UTF-8 text file"));
}

#[test]
fn bad_options_name_the_field_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("hc.json");
    fs::write(&config, r#"{ "captureMode": "everything" }"#).unwrap();
    cli()
        .arg("--config")
        .arg(&config)
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
    let config = dir.path().join("hc.json");
    fs::write(&config, r#"{ "captureMode": "roots", "helperModule": "@my/runtime" }"#).unwrap();
    cli()
        .arg("--config")
        .arg(&config)
        .arg("-")
        .write_stdin(GOOD)
        .assert()
        .success()
        .stdout(predicate::str::contains("from \"@my/runtime\""))
        .stdout(predicate::str::contains("({\n        s\n    })"));
}
