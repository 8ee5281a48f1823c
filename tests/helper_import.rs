//! The `handler` import as both back ends write it: module specifiers that
//! need escaping, and the place of a new import in a file without one
//! (after the shebang, the leading comments and the directive prologue).

use handler_closures::{driver, Options};
use swc_core::ecma::ast::{ModuleDecl, ModuleItem, Program};

const SOURCE: &str = "export function A({ s }) { return <b onClick={() => s.go()} />; }\n";

/// The specifier of every import of `code`, as the parser reads it back.
fn imported_modules(code: &str) -> Vec<String> {
    driver::with_globals(|| {
        let parsed = driver::parse(code, "out.tsx").unwrap_or_else(|e| panic!("{e}\n{code}"));
        let Program::Module(module) = parsed.program else {
            panic!("not a module: {code}");
        };
        module
            .body
            .iter()
            .filter_map(|item| match item {
                ModuleItem::ModuleDecl(ModuleDecl::Import(import)) => {
                    Some(import.src.value.to_string_lossy().into_owned())
                }
                _ => None,
            })
            .collect()
    })
}

#[test]
fn a_module_specifier_is_written_as_a_valid_string_literal_by_both_back_ends() {
    for module in [
        "a\"b",
        "a'b",
        "a\\b",
        "line\nbreak",
        "cr\rtab\t",
        "sep\u{2028}",
        "ünï/cødé",
        "emoji 🎉",
    ] {
        let options = Options {
            helper_module: Some(module.into()),
            ..Options::default()
        };
        for quoted in [SOURCE.to_string(), format!("import a from 'a';\n{SOURCE}")] {
            let text = driver::transform_text(&quoted, "a.tsx", &options).unwrap();
            let print = driver::transform(&quoted, "a.tsx", &options).unwrap();
            for code in [&text.code, &print.code] {
                assert!(
                    imported_modules(code).iter().any(|m| m == module),
                    "{module:?} not imported by\n{code}"
                );
            }
        }
    }
}

#[test]
fn the_ast_back_end_adds_the_import_below_the_leading_comments() {
    let source =
        format!("#!/usr/bin/env node\n/** @jsx h */\n// @ts-check\n/* License */\n\n{SOURCE}");
    let output = driver::transform(&source, "a.tsx", &Options::default()).unwrap();
    let import = output.code.find("import {").expect("an import");
    for comment in [
        "#!/usr/bin/env node",
        "/** @jsx h */",
        "// @ts-check",
        "/* License */",
    ] {
        let at = output
            .code
            .find(comment)
            .unwrap_or_else(|| panic!("{comment} lost"));
        assert!(at < import, "{comment} below the import:\n{}", output.code);
    }
    let again = driver::transform(&output.code, "a.tsx", &Options::default()).unwrap();
    assert_eq!(again.code, output.code);
}

#[test]
fn both_back_ends_add_the_import_after_the_directive_prologue_and_its_comments() {
    let source = format!("// @ts-nocheck\n\"use client\";\n{SOURCE}");
    for code in [
        driver::transform_text(&source, "a.tsx", &Options::default())
            .unwrap()
            .code,
        driver::transform(&source, "a.tsx", &Options::default())
            .unwrap()
            .code,
    ] {
        let import = code.find("import {").expect("an import");
        assert!(code.find("@ts-nocheck").unwrap() < import, "{code}");
        assert!(code.find("use client").unwrap() < import, "{code}");
    }
}
