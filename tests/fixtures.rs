//! Golden fixtures: `fixtures/<group>/<case>/input.tsx` → `output.tsx`, with
//! optional `options.json` and `output.stderr` (the diagnostics as SWC renders
//! them). `UPDATE=1 cargo test --test fixtures` regenerates goldens; read
//! every regenerated file before committing it.

use std::{fs, path::Path, path::PathBuf};

use handler_closures::{driver, handler_closures_in_file, InFile, Options};
use swc_core::{
    common::Mark,
    ecma::{
        parser::{Syntax, TsSyntax},
        transforms::base::resolver,
    },
};
use swc_core::{
    common::SyntaxContext,
    ecma::{
        ast::{JSXElementName, TsModuleDecl},
        visit::{visit_mut_pass, VisitMut, VisitMutWith},
    },
};
use swc_ecma_transforms_testing::{test_fixture, FixtureTestConfig};

/// `test_fixture` runs `hygiene` on the JSX/TS output, where real hosts have
/// already compiled JSX to calls and stripped types. Two resolver artifacts
/// then make hygiene rename user bindings in a way no host shows: intrinsic
/// tag names (`<section>`) are marked as unresolved globals, and
/// `declare global` declarations get a scope of their own instead of the
/// global one. This pass gives them the identity hosts effectively see (tags
/// are strings; ambient globals are globals), so goldens show the transform,
/// not the harness.
struct HostLikeNames {
    unresolved_mark: Mark,
}

impl VisitMut for HostLikeNames {
    fn visit_mut_jsx_element_name(&mut self, name: &mut JSXElementName) {
        if let JSXElementName::Ident(ident) = name {
            if ident.sym.starts_with(|c: char| c.is_ascii_lowercase()) || ident.sym.contains('-') {
                ident.ctxt = SyntaxContext::empty();
            }
        }
        name.visit_mut_children_with(self);
    }

    fn visit_mut_ts_module_decl(&mut self, decl: &mut TsModuleDecl) {
        if decl.global {
            let global = SyntaxContext::empty().apply_mark(self.unresolved_mark);
            decl.visit_mut_children_with(&mut SetBindingContext(global));
        }
    }
}

struct SetBindingContext(SyntaxContext);

impl VisitMut for SetBindingContext {
    fn visit_mut_ident(&mut self, ident: &mut swc_core::ecma::ast::Ident) {
        ident.ctxt = self.0;
    }
}

/// What the driver is told of a fixture's file: its module id.
fn emit() -> driver::Emit {
    driver::Emit {
        module_id: Ok("input.tsx".into()),
        ..Default::default()
    }
}

fn options_for(dir: &Path) -> Options {
    match fs::read_to_string(dir.join("options.json")) {
        Ok(text) => Options::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join("options.json").display())),
        Err(_) => Options::default(),
    }
}

/// The transform as an SWC host runs it: resolver, then the pass (hygiene
/// and fixer are added by `test_fixture`).
#[testing::fixture("fixtures/**/input.tsx")]
fn golden(input: PathBuf) {
    let dir = input.parent().unwrap();
    let options = options_for(dir);
    test_fixture(
        Syntax::Typescript(TsSyntax {
            tsx: true,
            decorators: true,
            ..Default::default()
        }),
        &|tester| {
            let unresolved_mark = Mark::new();
            let top_level_mark = Mark::new();
            let file = InFile {
                comments: Some(tester.comments.clone()),
                source_map: Some(tester.cm.clone()),
                module_id: Ok("input.tsx".into()),
            };
            (
                resolver(unresolved_mark, top_level_mark, true),
                visit_mut_pass(HostLikeNames { unresolved_mark }),
                handler_closures_in_file(options.clone(), unresolved_mark, file),
            )
        },
        &input,
        &dir.join("output.tsx"),
        FixtureTestConfig {
            allow_error: true,
            module: Some(true),
            ..Default::default()
        },
    );
}

/// Every golden output parses, and transforming it again changes nothing.
/// The CLI's pipeline (the driver) gives the golden output from the input.
#[testing::fixture("fixtures/**/output.tsx")]
fn idempotent_and_parses(output: PathBuf) {
    let dir = output.parent().unwrap();
    let options = options_for(dir);
    let golden = fs::read_to_string(&output).unwrap();
    let reprinted = driver::reformat(&golden, "output.tsx")
        .unwrap_or_else(|e| panic!("{}: golden output does not parse: {e}", output.display()));
    let again = driver::transform_with(&golden, "input.tsx", &options, emit())
        .unwrap_or_else(|e| panic!("{}: {e}", output.display()));
    assert_eq!(
        again.code,
        reprinted,
        "{}: a second run changed the output",
        output.display()
    );
    assert_eq!(
        again.rewritten,
        0,
        "{}: a second run rewrote handlers",
        output.display()
    );

    let input = fs::read_to_string(dir.join("input.tsx")).unwrap();
    let first = driver::transform_with(&input, "input.tsx", &options, emit())
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert_eq!(
        first.code,
        reprinted,
        "{}: the driver (CLI pipeline) disagrees with the golden output",
        dir.display()
    );
}

/// Formatting-only normalisation of hand-written goldens (parse, fixer,
/// print; never the transform), so that `test_fixture`'s text comparison sees
/// the program rather than the author's parentheses and line breaks:
/// `cargo test --test fixtures -- --ignored reformat_goldens`.
#[test]
#[ignore]
fn reformat_goldens() {
    for entry in glob::glob("fixtures/**/output.tsx").unwrap().flatten() {
        let text = fs::read_to_string(&entry).unwrap();
        let formatted = driver::reformat(&text, "output.tsx")
            .unwrap_or_else(|e| panic!("{}: {e}", entry.display()));
        if formatted != text {
            fs::write(&entry, formatted).unwrap();
            eprintln!("reformatted {}", entry.display());
        }
    }
}

/// The codemod's text back end on every fixture: the same program as the
/// golden output, the input's bytes untouched outside the inserted text (and
/// deleted `?` optional markers), and a second run changes nothing.
#[testing::fixture("fixtures/**/input.tsx")]
fn text_back_end(input: PathBuf) {
    let dir = input.parent().unwrap();
    let options = options_for(dir);
    let source = fs::read_to_string(&input).unwrap();
    let output = driver::transform_text_with(&source, "input.tsx", &options, emit())
        .unwrap_or_else(|e| panic!("{}: {e}", input.display()));

    let golden = fs::read_to_string(dir.join("output.tsx")).unwrap();
    let ours = driver::reformat(&output.code, "output.tsx").unwrap_or_else(|e| {
        panic!(
            "{}: text output does not parse: {e}\n{}",
            dir.display(),
            output.code
        )
    });
    assert_eq!(
        ours,
        driver::reformat(&golden, "output.tsx").unwrap(),
        "{}: text back end differs from the golden output:\n{}",
        dir.display(),
        output.code
    );

    // Only `?` markers are deleted. With `hoist` an arrow's bytes move to
    // the hoisted block (a character diff cannot tell a move from an edit);
    // the golden comparison above covers those fixtures.
    if !options.hoist {
        let diff = similar::TextDiff::from_chars(source.as_str(), output.code.as_str());
        for change in diff.iter_all_changes() {
            if change.tag() == similar::ChangeTag::Delete {
                assert_eq!(
                    change.value(),
                    "?",
                    "{}: the text back end deleted input bytes",
                    dir.display()
                );
            }
        }
    }

    let again = driver::transform_text_with(&output.code, "input.tsx", &options, emit()).unwrap();
    assert_eq!(
        again.code,
        output.code,
        "{}: a second run changed the text",
        dir.display()
    );
}

/// The first line of every fixture names the diagnostic codes it expects
/// (`// HC003: ...`, `// HC001 HC011: ...`; none for a case without any),
/// and both back ends report exactly those, warnings included (SWC's test
/// handler behind `output.stderr` drops warnings).
#[testing::fixture("fixtures/**/input.tsx")]
fn first_line_names_the_codes(input: PathBuf) {
    let dir = input.parent().unwrap();
    let options = options_for(dir);
    let source = fs::read_to_string(&input).unwrap();
    let first_line = source.lines().next().unwrap_or_default();
    let mut named: Vec<String> = first_line
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| {
            word.len() == 5
                && word.starts_with("HC")
                && word[2..].bytes().all(|b| b.is_ascii_digit())
        })
        .map(str::to_string)
        .collect();
    named.sort();
    named.dedup();
    for (back_end, output) in [
        (
            "AST",
            driver::transform_with(&source, "input.tsx", &options, emit()),
        ),
        (
            "text",
            driver::transform_text_with(&source, "input.tsx", &options, emit()),
        ),
    ] {
        let output = output.unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let mut reported: Vec<String> = output
            .diagnostics
            .iter()
            .map(|d| d.code.as_str().to_string())
            .collect();
        reported.sort();
        reported.dedup();
        assert_eq!(
            reported,
            named,
            "{}: the {back_end} back end reports other codes than the first line names",
            input.display()
        );
    }
}
