//! Deeply nested files never abort the CLI: each is reported as HC101 with
//! its location, and every other file of the run is still processed.
//!
//! The files are generated here: 3,000 and 100,000 nested parentheses,
//! 5,000 nested JSX elements and object literals, 2,000 nested handlers, and
//! 100,000 curried arrows and prefix `!`, 200,000 chained conditionals and a
//! member chain of 1,000,000 (chains without brackets). Before the nesting
//! guard each one overflowed the stack (SIGABRT, exit 134).

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

const GOOD: &str = "export function A({ s }) { return <b onClick={() => s.x.go()} />; }\n";
const GOOD_OUT: &str = "import { handler } from \"commontools\";\nexport function A({ s }) { return <b onClick={handler((event, { s }) => s.x.go())({ s: { x: s.x } })} />; }\n";

fn cli() -> Command {
    Command::cargo_bin("handler-closures").unwrap()
}

/// `(name, source)` of each deeply nested file.
fn deep_files() -> Vec<(String, String)> {
    let nest = |open: &str, inner: &str, close: &str, n: usize| {
        format!("{}{inner}{}", open.repeat(n), close.repeat(n))
    };
    vec![
        (
            "parens3000".into(),
            format!("export const x = {};\n", nest("(", "1", ")", 3_000)),
        ),
        (
            "parens100000".into(),
            format!("export const x = {};\n", nest("(", "1", ")", 100_000)),
        ),
        (
            "jsx5000".into(),
            format!("export const x = {};\n", nest("<a>", "", "</a>", 5_000)),
        ),
        (
            "objects5000".into(),
            format!("export const x = {};\n", nest("{a:", "1", "}", 5_000)),
        ),
        (
            "handlers2000".into(),
            format!(
                "export function A({{ s }}) {{ return {}; }}\n",
                nest("<b onClick={() => ", "s.go()", "} />", 2_000)
            ),
        ),
        (
            "arrows100000".into(),
            format!("export const f = {}1;\n", "x => ".repeat(100_000)),
        ),
        (
            "not100000".into(),
            format!("export const x = {}1;\n", "!".repeat(100_000)),
        ),
        (
            "conditionals200000".into(),
            format!("export const x = {}1;\n", "s ? 1 : ".repeat(200_000)),
        ),
        (
            "members1000000".into(),
            format!("export const x = s{};\n", ".a".repeat(1_000_000)),
        ),
    ]
}

#[test]
fn a_codemod_run_reports_each_deep_file_and_rewrites_the_others() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("A.tsx"), GOOD).unwrap();
    fs::write(dir.path().join("Z.tsx"), GOOD).unwrap();
    let deep = deep_files();
    for (name, source) in &deep {
        fs::write(dir.path().join(format!("{name}.tsx")), source).unwrap();
    }
    let assert = cli()
        .args(["--write", "--threads", "2"])
        .arg(dir.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for (name, source) in &deep {
        let line = stderr
            .lines()
            .find(|l| l.contains(&format!("{name}.tsx:")))
            .unwrap_or_else(|| panic!("{name} is not reported:\n{stderr}"));
        assert!(
            line.contains(":1:")
                && line.contains("error[HC101]")
                && line.contains("nested too deeply"),
            "{line}"
        );
        let path = dir.path().join(format!("{name}.tsx"));
        assert_eq!(
            &fs::read_to_string(path).unwrap(),
            source,
            "{name} left as it is"
        );
    }
    for good in ["A.tsx", "Z.tsx"] {
        assert_eq!(fs::read_to_string(dir.path().join(good)).unwrap(), GOOD_OUT);
    }
    let summary = stderr.lines().last().unwrap();
    assert!(
        summary.starts_with("scanned 11 files: 2 changed, 2 handlers rewritten; HC101×9; 9 errors"),
        "{summary}"
    );
}

#[test]
fn printing_one_deep_file_or_stdin_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    for (name, source) in deep_files() {
        let path = dir.path().join(format!("{name}.tsx"));
        fs::write(&path, &source).unwrap();
        cli().arg(&path).assert().code(2).stdout("").stderr(
            predicate::str::contains("error[HC101]")
                .and(predicate::str::contains("nested too deeply")),
        );
        cli()
            .args(["-", "--stdin-filename", "deep.tsx"])
            .write_stdin(source)
            .assert()
            .code(2)
            .stderr(
                predicate::str::starts_with("deep.tsx:1:")
                    .and(predicate::str::contains("error[HC101]")),
            );
    }
}

/// `n` handlers, each inside the previous one's body.
fn nested_handlers(n: usize) -> String {
    format!(
        "export function A({{ s }}) {{ return {}s.go(){}; }}\n",
        "<b onClick={() => ".repeat(n),
        "} />".repeat(n)
    )
}

#[test]
fn nesting_under_the_limit_is_rewritten_and_a_second_run_changes_nothing() {
    // 240 nested handlers: 720 levels in, ~960 once rewritten (`handler(`).
    let first = cli()
        .args(["-", "--stdin-filename", "ok.tsx"])
        .write_stdin(nested_handlers(240))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&first)
            .matches("handler((event")
            .count(),
        240
    );
    cli()
        .args(["-", "--stdin-filename", "ok.tsx"])
        .write_stdin(first.clone())
        .assert()
        .success()
        .stdout(first);
}

#[test]
fn a_file_whose_rewrite_would_nest_too_deeply_is_left_as_it_is() {
    // 330 nested handlers: 990 levels in (accepted), over 1,000 once
    // rewritten, which a second run could not read: refused, at the first handler.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("A.tsx");
    fs::write(&path, nested_handlers(330)).unwrap();
    cli()
        .arg("--write")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:1:38: error[HC101]: the file is left as it is: rewritten, it would be nested too deeply",
            path.display()
        )));
    assert_eq!(fs::read_to_string(&path).unwrap(), nested_handlers(330));
}
