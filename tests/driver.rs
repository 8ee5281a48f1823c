//! The source-to-source pipeline the CLI and the wasm module use.

use handler_closures::{driver, Code, Options, Severity};

fn transform(source: &str) -> driver::Output {
    driver::transform(source, "test.tsx", &Options::default()).expect("parses")
}

#[test]
fn arrow_behind_non_null_is_left_as_written_and_survives_printing() {
    // SWC's fixer alone would print `() => save()!`, an inline arrow that a
    // second run would rewrite.
    let source = "export function A({ save }) { return <b onClick={(() => save())!} />; }";
    let first = transform(source);
    assert_eq!(first.rewritten, 0);
    assert!(
        first.code.contains("onClick={(()=>save())!}"),
        "{}",
        first.code
    );
    let second = transform(&first.code);
    assert_eq!(second.code, first.code);
}

#[test]
fn parse_error_is_located_and_transforms_nothing() {
    let error = driver::transform(
        "const a = <b onClick={() => }/>;\n",
        "bad.tsx",
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(error.code, Code::ParseError);
    assert_eq!(error.severity, Severity::Error);
    assert_eq!((error.line, error.column), (1, 29), "{error}");
}

#[test]
fn syntax_follows_the_file_extension() {
    // `<T>(x) => x` is a generic arrow in .ts but JSX in .tsx.
    let ts = driver::transform("const f = <T>(x: T) => x;", "a.ts", &Options::default());
    assert!(ts.is_ok());
    let jsx = driver::transform(
        "export function A({ s }) { return <b onClick={() => s.go()} />; }",
        "a.jsx",
        &Options::default(),
    )
    .unwrap();
    assert_eq!(jsx.rewritten, 1);
}

#[test]
fn diagnostics_have_one_based_positions() {
    let source = "export function A() {\n  let n = 0;\n  return <b onClick={() => n++} />;\n}\n";
    let output = transform(source);
    assert_eq!(output.rewritten, 0);
    let error = &output.diagnostics[0];
    assert_eq!(error.code, Code::WriteToCapture);
    assert_eq!((error.line, error.column), (3, 28), "{error}");
    assert_eq!(&source[error.start..error.end], "n");
}

#[test]
fn source_map_points_into_the_input() {
    let source = "export function A({ s }) {\n  return <b onClick={() => s.go()} />;\n}\n";
    let output = driver::transform_with(
        source,
        "src/A.tsx",
        &Options::default(),
        driver::Emit {
            source_map: true,
            ..Default::default()
        },
    )
    .unwrap();
    let map = output.source_map.expect("asked for a map");
    assert!(map.contains("\"sources\":[\"src/A.tsx\"]"), "{map}");
    assert!(map.contains("sourcesContent"), "{map}");
    assert!(map.contains("\"mappings\":\""), "{map}");
    assert!(driver::transform(source, "a.tsx", &Options::default())
        .unwrap()
        .source_map
        .is_none());
}

#[test]
fn text_back_end_source_map_maps_original_tokens_to_themselves() {
    let source = "import x from \"x\";\nexport function A({ s }) {\n  return <b onClick={() => s.go(\"é\")} title=\"t\" />;\n}\n";
    let output = driver::transform_text_with(
        source,
        "src/A.tsx",
        &Options::default(),
        driver::Emit {
            source_map: true,
            ..Default::default()
        },
    )
    .unwrap();
    let map = swc_sourcemap::SourceMap::from_slice(output.source_map.unwrap().as_bytes()).unwrap();
    // `title` sits after inserted text on output line 3 (0-based: 2 + the new import line).
    let out_line = output
        .code
        .lines()
        .position(|l| l.contains("title="))
        .unwrap();
    let line_text = output.code.lines().nth(out_line).unwrap();
    let col = line_text[..line_text.find("title=").unwrap()]
        .encode_utf16()
        .count();
    let token = map.lookup_token(out_line as u32, col as u32).unwrap();
    assert_eq!(
        token.get_source().map(|s| s.to_string()),
        Some("src/A.tsx".to_string())
    );
    let original_line = source.lines().nth(2).unwrap();
    let original_col = original_line[..original_line.find("title=").unwrap()]
        .encode_utf16()
        .count();
    assert_eq!(
        (token.get_src_line(), token.get_src_col()),
        (2, original_col as u32)
    );
    assert_eq!(
        (token.get_dst_line(), token.get_dst_col()),
        (out_line as u32, col as u32)
    );
}

#[test]
fn a_parser_panic_is_a_parse_error_not_a_crash() {
    // swc_ecma_parser 47 hits `unreachable!` on a namespaced member tag.
    let source = "export const A = () => <a:b.c onClick={() => go()} />;\n";
    for result in [
        driver::transform(source, "a.tsx", &Options::default()),
        driver::transform_text(source, "a.tsx", &Options::default()),
    ] {
        let error = result.unwrap_err();
        assert_eq!(error.code, Code::ParseError);
        assert!(error.message.contains("parser crashed"), "{error}");
    }
}

#[test]
fn invalid_nodes_left_by_parser_recovery_refuse_the_file() {
    // The parser accepts this without an error but leaves an Invalid node.
    let source = "export function U({ u }) {\n  return <b onClick={async <T,>(e: T) => { a<void>r; }} />;\n}\n";
    for result in [
        driver::transform(source, "a.tsx", &Options::default()),
        driver::transform_text(source, "a.tsx", &Options::default()),
    ] {
        let error = result.unwrap_err();
        assert_eq!(error.code, Code::ParseError, "{error}");
        assert_eq!(error.line, 2, "{error}");
    }
}

/// Prints `source` through the AST back end, checks the output holds every
/// piece of `expected`, and that a second run changes nothing.
fn assert_printed_with(source: &str, expected: &[&str]) -> driver::Output {
    let first = transform(source);
    for needed in expected {
        assert!(
            first.code.contains(needed),
            "missing {needed}:\n{}",
            first.code
        );
    }
    let second = transform(&first.code);
    assert_eq!(second.code, first.code, "a second run changed the output");
    first
}

#[test]
fn the_printer_keeps_parentheses_a_callee_or_member_object_needs() {
    let source = "export function Odd({ save, s }) {\n  const make = () => (<b onClick={() => save()} />).props;\n  const t = (<i />)`x`;\n  return <i onClick={() => save(make, () => (s.n++)?.(), (<b />)())}>{(<></>)[\"type\"]}</i>;\n}\n";
    let first = assert_printed_with(
        source,
        &[
            "(<b onClick=",
            "(<i/>)`x`",
            "(s.n++)?.()",
            "(<b/>)()",
            "(<></>)[\"type\"]",
        ],
    );
    assert_eq!(first.rewritten, 2);
}

#[test]
fn the_printer_keeps_parentheses_around_type_assertions_and_object_bodies() {
    let source = "const make = (l: string) => ({ l }) as any;\nconst sat = () => ({ a: 1 }).a satisfies number;\nexport function A({ s, save }) {\n  return <b onClick={() => save(make(\"en\"), \"k\" in ((s as any) + 1), -(s.n as number))} />;\n}\n";
    let first = assert_printed_with(
        source,
        &[
            "(l: string)=>({\n",
            "()=>({\n",
            "\"k\" in (s as any) + 1",
            "-(s.n as number)",
        ],
    );
    assert_eq!(first.rewritten, 1);
}

#[test]
fn a_script_is_left_as_it_is_because_the_import_would_make_it_a_module() {
    // No import or export: a script. `await` is a plain name here and would be
    // reserved in a module; top-level names would leave the global scope.
    let script = "function await(x) { return x; }\nfunction A({ s }) { return <b onClick={() => s.go(await(1))} />; }\nrender(<i onClick={() => go()} />);\n";
    for output in [
        transform(script),
        driver::transform_text(script, "test.tsx", &Options::default()).unwrap(),
    ] {
        assert_eq!(output.rewritten, 0);
        assert!(!output.code.contains("import"), "{}", output.code);
        let codes: Vec<_> = output.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::ScriptFile, Code::ScriptFile]);
        assert_eq!(output.diagnostics[0].line, 2);
    }
    // The same file as a module is rewritten.
    let module = format!("export {{}};\n{}", script.replace("await", "wait"));
    let output = driver::transform_text(&module, "test.tsx", &Options::default()).unwrap();
    assert_eq!(output.rewritten, 2);
    assert!(output.diagnostics.is_empty(), "{:?}", output.diagnostics);
}

#[test]
fn comments_after_an_equals_sign_or_a_comma_survive_printing() {
    let source = "export function A({ s, props }) {\n  const v = // first\n    // second\n    s.n;\n  let w;\n  w = /* third */ // fourth\n    s.m;\n  const { a,\n    // fifth\n    b } = props;\n  return <b title=\"t\" // sixth\n    onClick={() => s.go(v, w, a, b)} />;\n}\n";
    assert_printed_with(
        source,
        &[
            "// first\n    // second\n",
            "/* third */ // fourth\n",
            "// fifth\n",
            "// sixth\n",
        ],
    );
}

/// A captured path's value in the params object maps to the path's first
/// use in the body, in both back ends' source maps, so a render-time error
/// in it (`data.item.name` through `null`) points at the body.
#[test]
fn params_object_values_map_to_their_first_use_in_the_body() {
    let source = "export function A({ data, ready }) {\n  return <b onClick={() => {\n    if (ready) log(data.item.name, ready);\n  }} />;\n}\n";
    let use_line = 2;
    let use_col = source.lines().nth(use_line).unwrap().find("data").unwrap() as u32;
    let ready_col = source.lines().nth(use_line).unwrap().find("ready").unwrap() as u32;
    let emit = driver::Emit {
        source_map: true,
        ..Default::default()
    };
    for output in [
        driver::transform_text_with(source, "a.tsx", &Options::default(), emit.clone()).unwrap(),
        driver::transform_with(source, "a.tsx", &Options::default(), emit).unwrap(),
    ] {
        let map =
            swc_sourcemap::SourceMap::from_slice(output.source_map.unwrap().as_bytes()).unwrap();
        // The params object comes after the body: the last occurrences.
        for (needle, col) in [("data.item.name", use_col), ("ready", ready_col)] {
            let (line, text) = output
                .code
                .lines()
                .enumerate()
                .filter(|(_, text)| text.contains(needle))
                .last()
                .unwrap();
            let out_col = text[..text.rfind(needle).unwrap()].encode_utf16().count() as u32;
            let token = map.lookup_token(line as u32, out_col).unwrap();
            assert_eq!(
                (token.get_dst_line(), token.get_dst_col()),
                (line as u32, out_col),
                "{needle} unmapped in\n{}",
                output.code
            );
            assert_eq!(
                (token.get_src_line(), token.get_src_col()),
                (use_line as u32, col),
                "{needle} in\n{}",
                output.code
            );
        }
    }
}
