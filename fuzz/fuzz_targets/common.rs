//! What every fuzz target asserts about one source text, for both back ends
//! (`driver::transform`, the AST back end the SWC plugin uses, and
//! `driver::transform_text`, the text back end of the CLI and the JS API):
//!
//! - no panic;
//! - both back ends agree on whether the file parses;
//! - when it parses, each output parses and a second run changes nothing;
//! - both rewrite the same number of handlers with the same diagnostics, and
//!   their outputs are the same program (equal after `normalized`).

use handler_closures::{driver, Options};
use swc_core::{
    common::{sync::Lrc, SourceMap},
    ecma::{
        ast::Expr,
        codegen::{text_writer::JsWriter, Config, Emitter},
        transforms::base::fixer::fixer,
        visit::{VisitMut, VisitMutWith},
    },
};

/// Removes every parenthesised expression's parentheses (fixer puts back the
/// ones the program needs).
struct Unparen;

impl VisitMut for Unparen {
    fn visit_mut_expr(&mut self, expr: &mut Expr) {
        while let Expr::Paren(p) = expr {
            *expr = *p.expr.clone();
        }
        expr.visit_mut_children_with(self);
    }
}

/// The program without comments and formatting: parse, drop parentheses,
/// SWC's fixer (so only needed parentheses remain), print minified without
/// comments.
/// Two texts that are the same program normalise to the same text.
pub fn normalized(code: &str, filename: &str) -> Option<String> {
    print_program(code, filename, true)
}

/// Like [`normalized`] without the fixer: SWC's fixer itself drops dead
/// code (a function expression inside a comma sequence), so this tells
/// whether the printer changed the program.
fn structure(code: &str, filename: &str) -> Option<String> {
    print_program(code, filename, false)
}

fn print_program(code: &str, filename: &str, fix: bool) -> Option<String> {
    driver::with_globals(|| {
        let mut program = driver::parse_syntax(code, filename).ok()?;
        program.visit_mut_with(&mut Unparen);
        if fix {
            program.visit_mut_with(&mut fixer(None));
        }
        let cm: Lrc<SourceMap> = Default::default();
        let mut buf = Vec::new();
        {
            let mut emitter = Emitter {
                cfg: Config::default().with_minify(true),
                cm: cm.clone(),
                comments: None,
                wr: JsWriter::new(cm, "\n", &mut buf, None),
            };
            emitter.emit_program(&program).ok()?;
        }
        String::from_utf8(buf).ok()
    })
}

/// Installed by each target's `init`: libfuzzer-sys aborts on every panic,
/// even one the code under test catches. The driver catches panics inside
/// SWC's parser and reports HC101 (js/exec/findings/parser-panic-*.tsx), so
/// those are let through to its `catch_unwind`; any other panic still
/// aborts, as a crash.
pub fn init() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .location()
            .is_some_and(|l| l.file().contains("swc_ecma_parser"))
        {
            return;
        }
        default_hook(info);
        std::process::abort();
    }));
}

/// The option sets the targets cycle through (chosen by an input byte).
pub const OPTION_SETS: [&str; 5] = [
    "{}",
    r#"{ "captureMode": "roots" }"#,
    r#"{ "importStyle": "namespace" }"#,
    r#"{ "localCallables": "error", "helperName": "eventHandler" }"#,
    r#"{ "attributePattern": "^on[A-Z]", "exclude": ["onRender"] }"#,
];

pub fn options(selector: u8) -> Options {
    let json = OPTION_SETS[selector as usize % OPTION_SETS.len()];
    Options::from_json(json).expect("the fuzz option sets are valid")
}

#[allow(dead_code)] // used by the source target only
pub const FILE_NAMES: [&str; 4] = ["input.tsx", "input.jsx", "input.ts", "input.js"];

/// Whether SWC's printer alone (parse and print, no transform) already fails
/// this input: its reprint does not parse, is another program, or a second
/// reprint differs. The
/// AST back end prints with the same printer, so such failures are upstream
/// (js/exec/findings/codegen-*.tsx), not the transform's.
fn printer_fails_alone(source: &str, filename: &str) -> bool {
    let Ok(once) = driver::reformat(source, filename) else {
        return true;
    };
    // the printer changed the program (SWC's fixer drops a dead function
    // expression from a comma sequence, which can hide a direct `eval`)
    if structure(&once, filename) != structure(source, filename) {
        return true;
    }
    match driver::reformat(&once, filename) {
        Ok(twice) => twice != once,
        Err(_) => true,
    }
}

type Transform = fn(&str, &str, &Options) -> Result<driver::Output, Box<driver::Located>>;

fn codes(output: &driver::Output) -> Vec<(String, usize)> {
    output
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_string(), d.start))
        .collect()
}

/// [`check_here`] on a thread with the stack the driver's front ends give it
/// ([`nesting::STACK_BYTES`](handler_closures::nesting::STACK_BYTES), as the
/// CLI does): the nesting guard admits inputs that a default 8 MiB main
/// thread cannot hold. A panic on that thread is re-raised here, so the
/// fuzzer still sees it as a crash.
pub fn check(source: &str, filename: &str, options: &Options) {
    let (source, filename, options) = (source.to_owned(), filename.to_owned(), options.clone());
    let joined = std::thread::Builder::new()
        .stack_size(handler_closures::nesting::STACK_BYTES)
        .spawn(move || check_here(&source, &filename, &options))
        .expect("spawn a checking thread")
        .join();
    if let Err(panic) = joined {
        std::panic::resume_unwind(panic);
    }
}

fn check_here(source: &str, filename: &str, options: &Options) {
    let ast = driver::transform(source, filename, options);
    let text = driver::transform_text(source, filename, options);
    let (ast, text) = match (ast, text) {
        (Ok(ast), Ok(text)) => (ast, text),
        // Does not parse (HC101): nothing was transformed, nothing to check.
        (Err(_), Err(_)) => return,
        (ast, text) => panic!(
            "the back ends disagree on whether the file parses: ast {:?}, text {:?}\n--- input\n{source}",
            ast.err(),
            text.err()
        ),
    };
    let backends: [(&str, &driver::Output, Transform); 2] = [
        ("ast", &ast, driver::transform),
        ("text", &text, driver::transform_text),
    ];
    for (name, first, transform) in backends {
        let second = match transform(&first.code, filename, options) {
            Ok(second) => second,
            Err(_) if name == "ast" && printer_fails_alone(source, filename) => return,
            Err(error) => panic!(
                "{name} back end: the output does not parse: {error}\n--- input\n{source}\n--- output\n{}",
                first.code
            ),
        };
        // SWC's printer drops comments it finds where it never prints them;
        // src/print_comments.rs moves them in the common places
        // (js/exec/findings/codegen-comment-after-equals.tsx), not in all (a
        // TS function type's parameter list): idempotent up to comments.
        if name == "ast"
            && second.code != first.code
            && (normalized(&first.code, filename) == normalized(&second.code, filename)
                || printer_fails_alone(source, filename))
        {
            continue;
        }
        assert!(
            second.code == first.code,
            "{name} back end: a second run changed the output\n--- input\n{source}\n--- first\n{}\n--- second\n{}",
            first.code,
            second.code
        );
    }
    assert_eq!(
        ast.rewritten, text.rewritten,
        "the back ends rewrote different numbers of handlers\n--- input\n{source}"
    );
    assert_eq!(
        codes(&ast),
        codes(&text),
        "the back ends report different diagnostics\n--- input\n{source}"
    );
    // SWC's printer alone (with the driver's fixes) already changes the
    // program (js/exec/findings/codegen-*.tsx)
    let reprinted = driver::reformat(source, filename).ok();
    if reprinted.and_then(|r| normalized(&r, filename)) != normalized(source, filename) {
        return;
    }
    let (Some(a), Some(t)) = (
        normalized(&ast.code, filename),
        normalized(&text.code, filename),
    ) else {
        panic!("an output does not parse for normalising\n--- input\n{source}");
    };
    assert!(
        a == t,
        "the back ends' outputs are different programs\n--- input\n{source}\n--- ast\n{}\n--- text\n{}\n--- ast (normalised)\n{a}\n--- text (normalised)\n{t}",
        ast.code,
        text.code
    );
}
