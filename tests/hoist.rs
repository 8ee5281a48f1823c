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
fn comments_before_the_arrow_stay_in_the_attribute_in_both_back_ends() {
    let source = "import { cell } from \"commonfabric\";\n/** App */\nexport function App({ state }) {\n  return <b onClick={/* c */ () => state.n.set(1)} />;\n}\n";
    let out = both(source, &options(r#"{"hoist": true}"#));
    assert_eq!(
        out,
        "import { cell, handler } from \"commonfabric\";\nconst _App_b_onClick = /*#__PURE__*/ handler((event, { state }) => state.n.set(1));\n/** App */\nexport function App({ state }) {\n  return <b onClick={/* c */ _App_b_onClick({ state: { n: state.n } })} />;\n}\n"
    );
}

#[test]
fn a_second_run_adds_a_new_handler_to_the_block_and_the_registry_call() {
    let registry =
        options(r#"{"hoist": true, "registry": {"module": "commonfabric", "name": "__cfReg"}}"#);
    let source = "import { cell } from \"commonfabric\";\nexport function App({ s }) {\n  return <b onClick={() => s.go()} />;\n}\n";
    let once = both(source, &registry);
    let edited = once
        .replace("</b>", "")
        .replace("} />;", "} /> && <i onClick={() => s.stop()} />;");
    let twice = both(&edited, &registry);
    assert!(
        twice.contains("const _App_b_onClick = handler((event, { s }) => s.go());\nconst _App_i_onClick = handler((event, { s }) => s.stop());\n__cfReg(\"src/App.tsx\", { \"_App_b_onClick\": _App_b_onClick, \"_App_i_onClick\": _App_i_onClick });"),
        "{twice}"
    );
    assert_eq!(twice.matches("__cfReg(").count(), 1, "{twice}");
}

#[test]
fn the_manifest_lists_refused_and_left_handlers() {
    let source = "export function A({ s }) {\n  let n = 0;\n  return <>\n    <b onClick={() => n++} />\n    <u onSubmit={async () => { \"use server\"; await s.save(); }} />\n    <i onClick={(e) => { e.preventDefault(); e.returnValue = false; }} />\n  </>;\n}\n";
    let out = driver::transform_with(
        source,
        "src/A.tsx",
        &options(r#"{"hoist": true}"#),
        emit("src/A.tsx"),
    )
    .unwrap();
    let json = serde_json::to_value(&out.handlers).unwrap();
    assert_eq!(json[0]["status"], "refused");
    assert_eq!(json[0]["code"], "HC001");
    assert_eq!(json[0]["eventFields"], serde_json::Value::Null);
    assert_eq!(json[0]["reason"], "not-rewritten");
    assert_eq!(json[1]["status"], "left");
    assert_eq!(json[2]["id"], "src/A.tsx#_A_i_onClick");
    assert_eq!(
        json[2]["eventFields"],
        serde_json::json!([
            { "path": "preventDefault", "kind": "call" },
            { "path": "returnValue", "kind": "write" }
        ])
    );
}

/// Source maps point from the hoisted callback's tokens to their place in
/// the attribute, in both back ends.
#[test]
fn the_hoisted_callback_maps_back_to_the_attribute() {
    let source = "import { cell } from \"commonfabric\";\nexport function App({ state }) {\n  return <div>\n    <b onClick={() => state.counter.set(1)} />\n  </div>;\n}\n";
    let emit = driver::Emit {
        source_map: true,
        ..emit("src/App.tsx")
    };
    let hoist = options(r#"{"hoist": true}"#);
    for output in [
        driver::transform_text_with(source, "src/App.tsx", &hoist, emit.clone()).unwrap(),
        driver::transform_with(source, "src/App.tsx", &hoist, emit.clone()).unwrap(),
    ] {
        let map =
            swc_sourcemap::SourceMap::from_slice(output.source_map.unwrap().as_bytes()).unwrap();
        let (line, text) = output
            .code
            .lines()
            .enumerate()
            .find(|(_, text)| text.starts_with("const _App_b_onClick"))
            .unwrap();
        let col = text.find("counter.set").unwrap() as u32;
        let token = map.lookup_token(line as u32, col).expect("mapped");
        assert_eq!(token.get_src_line(), 3, "{}", output.code);
        let original = source.lines().nth(3).unwrap();
        let expected = original.find("counter.set").unwrap() as u32;
        assert!(
            token.get_src_col() <= expected && expected - token.get_src_col() <= 6,
            "{} maps to column {}, the original is at {expected}",
            output.code,
            token.get_src_col()
        );
    }
}
