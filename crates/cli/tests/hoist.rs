//! `hoist`, `registry` and `--manifest` through the CLI (BEHAVIOR.md
//! section 5): the codemod hoists, the registry is refused when writing,
//! and one manifest describes a directory, sorted.

use assert_cmd::Command;
use std::{fs, path::Path};

fn cli(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("handler-closures").unwrap();
    cmd.current_dir(dir);
    cmd
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const APP: &str = "import { cell } from \"commonfabric\";\nexport function App({ state }) {\n  return <input onChange={(e) => state.v.set(e.target.value)} onClick={() => this.x} />;\n}\n";
const REGISTRY: &str =
    r#"{"hoist": true, "registry": {"module": "commonfabric", "name": "__cfReg"}}"#;

#[test]
fn the_codemod_hoists_in_place_and_a_second_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/App.tsx", APP);
    write(dir.path(), "hc.json", r#"{"hoist": true}"#);
    cli(dir.path())
        .args(["--config", "hc.json", "--write", "src"])
        .assert()
        .success();
    let out = fs::read_to_string(dir.path().join("src/App.tsx")).unwrap();
    assert!(
        out.contains("import { cell, handler } from \"commonfabric\";\nconst _App_input_onChange = /*#__PURE__*/ handler((e, { state }) => state.v.set(e.target.value));\nexport function App"),
        "{out}"
    );
    assert!(
        out.contains("onChange={_App_input_onChange({ state: { v: state.v } })}"),
        "{out}"
    );
    // `this` stays inline (HC007 is a warning).
    assert!(
        out.contains("onClick={handler((event, params) => this.x)({})}"),
        "{out}"
    );
    cli(dir.path())
        .args(["--config", "hc.json", "--check", "src"])
        .assert()
        .success();
}

#[test]
fn the_registry_is_refused_when_writing_checking_or_diffing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/App.tsx", APP);
    write(dir.path(), "hc.json", REGISTRY);
    for mode in ["--write", "--check", "--diff"] {
        let out = cli(dir.path())
            .args(["--config", "hc.json", mode, "src"])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("build-time feature"), "{mode}: {stderr}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("src/App.tsx")).unwrap(),
        APP
    );
    // Printing is accepted: the module id is relative to the working directory.
    let out = cli(dir.path())
        .args(["--config", "hc.json", "src/App.tsx"])
        .assert()
        .success()
        .get_output()
        .clone();
    let code = String::from_utf8_lossy(&out.stdout);
    assert!(
        code.contains(
            "__cfReg(\"src/App.tsx\", { \"_App_input_onChange\": _App_input_onChange });"
        ),
        "{code}"
    );
    assert!(
        code.contains("import { cell, handler, __cfReg } from \"commonfabric\";"),
        "{code}"
    );
}

#[test]
fn a_file_outside_the_root_has_no_module_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/App.tsx", APP);
    write(
        dir.path(),
        "hc.json",
        r#"{"hoist": true, "root": "/nowhere", "registry": {"module": "m", "name": "r"}}"#,
    );
    let out = cli(dir.path())
        .args(["--config", "hc.json", "src/App.tsx"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("HC103") && stderr.contains("outside the root"),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        APP,
        "nothing is transformed"
    );
}

#[test]
fn one_manifest_describes_the_run_sorted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/b/B.tsx", "export function B({ s }) {\n  let n = 0;\n  return <>\n    <b onClick={() => n++} />\n    <i onKeyDown={({ key }) => s.go(key)} />\n    <u onSubmit={async () => { \"use server\"; await s.save(); }} />\n  </>;\n}\n");
    write(dir.path(), "src/App.tsx", APP);
    write(dir.path(), "hc.json", r#"{"hoist": true}"#);
    cli(dir.path())
        .args([
            "--config",
            "hc.json",
            "--check",
            "src",
            "--manifest",
            "m.json",
        ])
        .assert()
        .code(2); // HC001 in B.tsx
    let text = fs::read_to_string(dir.path().join("m.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], 1);
    let files: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["src/App.tsx", "src/b/B.tsx"]);
    let app = &doc["files"][0]["handlers"];
    assert_eq!(app[0]["id"], "src/App.tsx#_App_input_onChange");
    assert_eq!(app[0]["element"], "input");
    assert_eq!(app[0]["attribute"], "onChange");
    assert_eq!(app[0]["status"], "rewritten");
    assert_eq!(app[0]["hoisted"], true);
    assert_eq!(app[0]["line"], 3);
    assert_eq!(app[0]["column"], 17);
    assert_eq!(app[0]["captures"], serde_json::json!(["state.v"]));
    assert_eq!(
        app[0]["eventFields"],
        serde_json::json!([{"path": "target.value", "kind": "*"}])
    );
    assert_eq!(app[1]["hoisted"], false);
    assert_eq!(app[1]["reason"], "this");
    assert_eq!(app[1]["id"], serde_json::Value::Null);
    assert_eq!(app[1]["eventFields"], serde_json::json!([]));
    let b = &doc["files"][1]["handlers"];
    assert_eq!(b[0]["status"], "refused");
    assert_eq!(b[0]["code"], "HC001");
    assert_eq!(b[0]["eventFields"], serde_json::Value::Null);
    assert_eq!(
        b[1]["eventFields"],
        serde_json::json!([{"path": "key", "kind": "*"}])
    );
    assert_eq!(b[2]["status"], "left");
    // Every entry has the schema's fields.
    for entry in app.as_array().unwrap().iter().chain(b.as_array().unwrap()) {
        for key in [
            "id",
            "name",
            "file",
            "line",
            "column",
            "element",
            "attribute",
            "status",
            "hoisted",
            "captures",
            "eventFields",
        ] {
            assert!(entry.get(key).is_some(), "{key} missing in {entry}");
        }
    }
    // The same run again gives the same document.
    cli(dir.path())
        .args([
            "--config",
            "hc.json",
            "--check",
            "src",
            "--manifest",
            "m2.json",
        ])
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(dir.path().join("m2.json")).unwrap(),
        text
    );
}

#[test]
fn a_second_run_reports_the_handlers_hoisted_before() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/App.tsx", APP);
    write(dir.path(), "hc.json", r#"{"hoist": true}"#);
    cli(dir.path())
        .args(["--config", "hc.json", "--write", "src"])
        .assert()
        .success();
    cli(dir.path())
        .args([
            "--config",
            "hc.json",
            "--check",
            "src",
            "--manifest",
            "m.json",
        ])
        .assert()
        .success();
    let doc: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("m.json")).unwrap()).unwrap();
    let handlers = &doc["files"][0]["handlers"];
    assert_eq!(handlers[0]["id"], "src/App.tsx#_App_input_onChange");
    assert_eq!(handlers[0]["hoisted"], true);
    assert_eq!(handlers[0]["captures"], serde_json::json!(["state.v"]));
    assert_eq!(
        handlers[0]["eventFields"],
        serde_json::json!([{"path": "target.value", "kind": "*"}])
    );
}

#[test]
fn a_manifest_that_would_overwrite_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/App.tsx", APP);
    write(dir.path(), "hc.json", r#"{"hoist": true}"#);
    for target in ["src/App.tsx", "other.tsx"] {
        cli(dir.path())
            .args(["--config", "hc.json", "src/App.tsx", "--manifest", target])
            .assert()
            .code(2);
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("src/App.tsx")).unwrap(),
        APP
    );
    assert!(!dir.path().join("other.tsx").exists());
}

#[test]
fn unnamed_standard_input_has_no_module_id() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hc.json", REGISTRY);
    let out = cli(dir.path())
        .args(["--config", "hc.json", "-"])
        .write_stdin(APP)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("HC103"));
    let out = cli(dir.path())
        .args([
            "--config",
            "hc.json",
            "--stdin-filename",
            "src/App.tsx",
            "-",
        ])
        .write_stdin(APP)
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stdout).contains("__cfReg(\"src/App.tsx\""));
}

#[test]
fn a_file_hoisted_in_source_is_registered_when_built_with_a_registry() {
    // The README's workflow: hoist in source with the codemod, build with a
    // registry. A file with no inline handler left still gets its call.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/App.tsx", APP);
    write(dir.path(), "hoist.json", r#"{"hoist": true}"#);
    write(dir.path(), "build.json", REGISTRY);
    let app = APP.replace(" onClick={() => this.x}", "");
    write(dir.path(), "src/App.tsx", &app);
    cli(dir.path())
        .args(["--config", "hoist.json", "--write", "src"])
        .assert()
        .success();
    let out = cli(dir.path())
        .args(["--config", "build.json", "src/App.tsx"])
        .assert()
        .success()
        .get_output()
        .clone();
    let code = String::from_utf8_lossy(&out.stdout);
    assert!(
        code.contains(
            "__cfReg(\"src/App.tsx\", { \"_App_input_onChange\": _App_input_onChange });"
        ),
        "{code}"
    );
    assert_eq!(code.matches("__cfReg(").count(), 1, "{code}");
}
