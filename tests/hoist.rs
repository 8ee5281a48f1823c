//! Hoisting (BEHAVIOR.md section 5) through the driver, in both back ends:
//! what goldens cannot show (the registry's module ids, the manifest, a
//! second run on an edited output).

use handler_closures::{driver, Options};

fn options(json: &str) -> Options {
    Options::from_json(json).unwrap()
}

fn emit(module_id: &str) -> driver::Emit {
    driver::Emit {
        describe: true,
        module_id: Ok(module_id.into()),
        ..Default::default()
    }
}

/// Both back ends' output (checked to be the same program), after checking
/// that each is idempotent.
fn both(source: &str, options: &Options) -> String {
    let ast = driver::transform_with(source, "src/App.tsx", options, emit("src/App.tsx")).unwrap();
    let text =
        driver::transform_text_with(source, "src/App.tsx", options, emit("src/App.tsx")).unwrap();
    let reprinted = driver::reformat(&text.code, "a.tsx").unwrap();
    assert_eq!(
        reprinted, ast.code,
        "the back ends disagree; text:\n{}",
        text.code
    );
    let again = driver::transform_text(&text.code, "src/App.tsx", options).unwrap();
    assert_eq!(again.code, text.code, "the text back end is not idempotent");
    let again =
        driver::transform_with(&ast.code, "src/App.tsx", options, emit("src/App.tsx")).unwrap();
    assert_eq!(again.code, ast.code, "the AST back end is not idempotent");
    text.code
}

#[test]
fn smoke() {
    let source = "import { cell } from \"commonfabric\";\n/** App */\nexport function App({ state }) {\n  return <b onClick={/* c */ () => state.n.set(1)} />;\n}\n";
    let out = both(source, &options(r#"{"hoist": true}"#));
    eprintln!("{out}");
    let out = both(
        source,
        &options(r#"{"hoist": true, "registry": {"module": "commonfabric", "name": "__cfReg"}}"#),
    );
    eprintln!("{out}");
}
