//! The codemod as a new user runs it on a repository of a few hundred
//! generated components (`scripts/gen-corpus.py`).

use assert_cmd::Command;
use std::{fs, path::Path, process};

fn generate(dir: &Path, files: usize, refused: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/gen-corpus.py");
    let status = process::Command::new("python3")
        .arg(script)
        .args([
            "tree",
            dir.to_str().unwrap(),
            &files.to_string(),
            "--refused",
            &refused.to_string(),
        ])
        .status()
        .expect("python3 runs the corpus generator");
    assert!(status.success());
}

fn snapshot(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = ignore::Walk::new(dir)
        .flatten()
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| {
            (
                e.path().display().to_string(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn diff_touches_only_handlers_then_write_and_check_are_clean() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 300, 0);
    let cli = || Command::cargo_bin("handler-closures").unwrap();

    let diff = cli()
        .current_dir(dir.path())
        .args(["--diff", "."])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(diff).unwrap().matches("+++ b/").count() > 200);
    let before = snapshot(dir.path());

    cli()
        .current_dir(dir.path())
        .args(["--check", "."])
        .assert()
        .code(1);
    cli()
        .current_dir(dir.path())
        .args(["--write", "."])
        .assert()
        .success();
    cli()
        .current_dir(dir.path())
        .args(["--check", "."])
        .assert()
        .success()
        .stdout("");
    let written = snapshot(dir.path());
    cli()
        .current_dir(dir.path())
        .args(["--write", "."])
        .assert()
        .success();
    assert!(
        written == snapshot(dir.path()),
        "a second --write changed files"
    );

    // Only insertions: every byte of the original is still there, in order
    // (the exact inserted text is pinned by fixtures-text/).
    for ((path, old), (_, new)) in before.iter().zip(&written) {
        assert!(
            is_subsequence(old.as_bytes(), new.as_bytes()),
            "{path}: original text was deleted or replaced"
        );
    }
}

/// Whether `needle`'s bytes appear in `haystack` in order (greedy match).
fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack.iter();
    needle.iter().all(|b| rest.any(|h| h == b))
}

#[test]
fn refused_handlers_name_file_and_position_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path(), 50, 2);
    let output = Command::cargo_bin("handler-closures")
        .unwrap()
        .current_dir(dir.path())
        .args(["--write", "."])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let stderr = String::from_utf8(output).unwrap();
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("error[HC001]"))
        .collect();
    assert_eq!(errors.len(), 2, "{stderr}");
    for line in errors {
        let location = line.split(": error").next().unwrap();
        let parts: Vec<&str> = location.rsplitn(3, ':').collect();
        assert!(parts[2].ends_with(".tsx"), "{line}");
        assert!(
            parts[0].parse::<usize>().is_ok() && parts[1].parse::<usize>().is_ok(),
            "{line}"
        );
    }
}
