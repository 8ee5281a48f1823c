//! `eventFields` of the manifest (BEHAVIOR.md section 5): which paths of its
//! event a handler reads, calls and writes, as the JSON the manifest holds.

use handler_closures::{driver, event_fields::event_fields};
use swc_core::ecma::{
    ast::{ArrowExpr, Expr, JSXAttr, JSXAttrValue, JSXExpr},
    visit::{Visit, VisitWith},
};

/// The first arrow that is the value of a JSX attribute.
#[derive(Default)]
struct FirstHandler(Option<ArrowExpr>);

impl Visit for FirstHandler {
    fn visit_jsx_attr(&mut self, attr: &JSXAttr) {
        if self.0.is_some() {
            return;
        }
        if let Some(JSXAttrValue::JSXExprContainer(container)) = &attr.value {
            if let JSXExpr::Expr(expr) = &container.expr {
                if let Expr::Arrow(arrow) = &**expr {
                    self.0 = Some(arrow.clone());
                    return;
                }
            }
        }
        attr.visit_children_with(self);
    }
}

/// The `eventFields` JSON of the handler `arrow` (an `onClick` value).
fn fields(arrow: &str) -> String {
    let source = format!(
        "export function A({{ go, items, i, k }}) {{ return <b onClick={{{arrow}}} />; }}\n"
    );
    driver::with_globals(|| {
        let parsed = driver::parse(&source, "a.tsx").expect("parses");
        let mut finder = FirstHandler::default();
        parsed.program.visit_with(&mut finder);
        let arrow = finder.0.expect("a handler arrow");
        let result = event_fields(&arrow, parsed.unresolved_mark);
        serde_json::to_string(&result).expect("serialises")
    })
}

/// The JSON of `(path, kind)` pairs, in the order given.
fn list(fields: &[(&str, &str)]) -> String {
    let items: Vec<String> = fields
        .iter()
        .map(|(path, kind)| format!(r#"{{"path":"{path}","kind":"{kind}"}}"#))
        .collect();
    format!("[{}]", items.join(","))
}

const WHOLE: &str = r#""*""#;

#[test]
fn a_static_path_is_read() {
    let arrow = r#"(e) => { if (e.target.value === "") go(); }"#;
    assert_eq!(fields(arrow), list(&[("target.value", "read")]));
}

#[test]
fn optional_links_do_not_cut_the_path() {
    let arrow = "(e) => { if (e.target?.value) go(); }";
    assert_eq!(fields(arrow), list(&[("target.value", "read")]));
}

#[test]
fn a_callee_is_a_call_optional_or_not() {
    let arrow = "(e) => { e.preventDefault(); e.stopPropagation?.(); e.target.focus(); }";
    assert_eq!(
        fields(arrow),
        list(&[
            ("preventDefault", "call"),
            ("stopPropagation", "call"),
            ("target.focus", "call")
        ])
    );
}

#[test]
fn a_template_tag_is_a_call() {
    assert_eq!(fields("(e) => { e.tag`x`; }"), list(&[("tag", "call")]));
}

#[test]
fn an_assignment_is_a_write() {
    assert_eq!(
        fields("(e) => { e.returnValue = false; }"),
        list(&[("returnValue", "write")])
    );
}

#[test]
fn compound_assignments_updates_and_delete_are_writes() {
    let arrow = "(e) => { e.a ??= 1; e.b++; delete e.c; }";
    assert_eq!(
        fields(arrow),
        list(&[
            ("a", "read"),
            ("a", "write"),
            ("b", "read"),
            ("b", "write"),
            ("c", "write")
        ])
    );
}

#[test]
fn destructuring_and_for_of_targets_are_writes() {
    let arrow = "(e) => { [e.x] = items; for (e.y of items); }";
    assert_eq!(fields(arrow), list(&[("x", "write"), ("y", "write")]));
}

#[test]
fn reassigning_the_parameter_is_the_whole_event() {
    assert_eq!(fields("(e) => { e = null; }"), WHOLE);
}

#[test]
fn passing_the_event_is_the_whole_event() {
    assert_eq!(fields("(e) => go(e)"), WHOLE);
}

#[test]
fn passing_a_path_makes_it_any() {
    assert_eq!(fields("(e) => go(e.target)"), list(&[("target", "*")]));
}

#[test]
fn an_unused_event_reads_nothing() {
    assert_eq!(fields("(e) => go()"), "[]");
}

#[test]
fn no_parameter_reads_nothing() {
    assert_eq!(fields("() => go(1)"), "[]");
}

#[test]
fn the_global_event_is_the_whole_event() {
    assert_eq!(fields("() => { event.preventDefault(); }"), WHOLE);
    assert_eq!(fields("(e) => { if (event.type) go(); }"), WHOLE);
}

#[test]
fn a_parameter_named_event_is_not_the_global() {
    assert_eq!(
        fields("(event) => { event.preventDefault(); }"),
        list(&[("preventDefault", "call")])
    );
}

#[test]
fn a_nested_parameter_of_the_same_name_is_another_binding() {
    let arrow = "(e) => { items.forEach((e) => go(e)); if (e.key) go(); }";
    assert_eq!(fields(arrow), list(&[("key", "read")]));
}

#[test]
fn nested_functions_and_jsx_are_scanned() {
    let arrow = "(e) => { const later = () => { if (e.target.checked) go(); }; go(later, <i title={`${e.type}`} />); }";
    assert_eq!(
        fields(arrow),
        list(&[("target.checked", "read"), ("type", "read")])
    );
}

#[test]
fn literal_computed_keys_are_segments() {
    let arrow = r#"(e) => { if (e["key"] === "a" && e.touches[0].clientX > 0) go(); }"#;
    assert_eq!(
        fields(arrow),
        list(&[("key", "read"), ("touches.0.clientX", "read")])
    );
}

#[test]
fn a_computed_key_makes_the_path_so_far_any() {
    assert_eq!(
        fields("(e) => { if (e.touches[i].clientX) go(); }"),
        list(&[("touches", "*")])
    );
    assert_eq!(fields("(e) => { if (e[k]) go(); }"), WHOLE);
}

#[test]
fn const_aliases_are_followed() {
    let arrow = "(e) => { const t = e.target; if (t.value) go(); }";
    assert_eq!(fields(arrow), list(&[("target.value", "read")]));
}

#[test]
fn const_destructuring_is_followed() {
    let arrow = r#"(e) => { const { target } = e; const { value: v, ["id"]: id } = target; if (v.length > id) go(); }"#;
    assert_eq!(
        fields(arrow),
        list(&[("target.id", "read"), ("target.value.length", "read")])
    );
}

#[test]
fn an_alias_declared_below_a_function_is_followed() {
    let arrow = "(e) => { function f() { if (t.value) go(); } const t = e.target; f(); }";
    assert_eq!(fields(arrow), list(&[("target.value", "read")]));
}

#[test]
fn an_unused_alias_is_a_read() {
    assert_eq!(fields("({ target }) => go()"), list(&[("target", "read")]));
}

#[test]
fn let_aliases_store_the_value() {
    let arrow = "(e) => { let t = e.target; if (t.value) go(); }";
    assert_eq!(fields(arrow), list(&[("target", "*")]));
}

#[test]
fn a_destructured_parameter_is_followed() {
    let nested = "({ target: { value } }) => { if (value.length > 3) go(); }";
    assert_eq!(fields(nested), list(&[("target.value.length", "read")]));
    let key = r#"({ key }) => { if (key === "Enter") go(); }"#;
    assert_eq!(fields(key), list(&[("key", "read")]));
    let default = "({ detail = 1 }) => { if (detail > 1) go(); }";
    assert_eq!(fields(default), list(&[("detail", "read")]));
}

#[test]
fn a_computed_pattern_key_that_is_not_literal_is_any() {
    assert_eq!(fields("({ [k]: v }) => { if (v) go(); }"), WHOLE);
    let arrow = "(e) => { const { [k]: v } = e.detail; if (v) go(); }";
    assert_eq!(fields(arrow), list(&[("detail", "*")]));
}

#[test]
fn object_rest_makes_the_object_any() {
    assert_eq!(fields("({ key, ...rest }) => { if (key) go(); }"), WHOLE);
    let arrow = "(e) => { const { a, ...rest } = e.detail; if (a) go(); }";
    assert_eq!(
        fields(arrow),
        list(&[("detail", "*"), ("detail.a", "read")])
    );
}

#[test]
fn array_patterns_index_and_rest() {
    let arrow = "(e) => { const [first, , third, ...others] = e.touches; if (first.clientX || third) go(); }";
    assert_eq!(
        fields(arrow),
        list(&[
            ("touches", "*"),
            ("touches.0.clientX", "read"),
            ("touches.2", "read")
        ])
    );
}

#[test]
fn typeof_makes_the_path_any() {
    let arrow = r#"(e) => { if (typeof e.detail === "string") go(); }"#;
    assert_eq!(fields(arrow), list(&[("detail", "*")]));
}

#[test]
fn an_expression_body_returns_its_value() {
    assert_eq!(fields("(e) => e.target"), list(&[("target", "*")]));
    assert_eq!(fields("(e) => e"), WHOLE);
}

#[test]
fn type_wrappers_are_seen_through() {
    let arrow = "(e: MouseEvent) => { if ((e.target as HTMLInputElement).value) go(); if (e.detail!.x satisfies number) go(); }";
    assert_eq!(
        fields(arrow),
        list(&[("detail.x", "read"), ("target.value", "read")])
    );
}

#[test]
fn tests_are_reads_but_logical_values_escape() {
    let arrow = "(e) => { if (e.a || e.b) go(); const v = i || e.c; if (v) go(); }";
    assert_eq!(
        fields(arrow),
        list(&[("a", "read"), ("b", "read"), ("c", "*")])
    );
}

#[test]
fn in_and_instanceof_make_the_object_any() {
    let arrow = r#"(e) => { if ("k" in e.target || e.relatedTarget instanceof Node) go(); }"#;
    assert_eq!(
        fields(arrow),
        list(&[("relatedTarget", "*"), ("target", "*")])
    );
}

#[test]
fn templates_are_reads_but_their_tags_arguments_escape() {
    let arrow = "(e) => { go(`${e.key}`); go`${e.code}`; }";
    assert_eq!(fields(arrow), list(&[("code", "*"), ("key", "read")]));
}

#[test]
fn spread_await_and_storing_make_the_path_any() {
    let arrow =
        "async (e) => { go(...e.touches); await e.detail; items.push({ t: e.timeStamp }); }";
    assert_eq!(
        fields(arrow),
        list(&[("detail", "*"), ("timeStamp", "*"), ("touches", "*")])
    );
}

#[test]
fn fields_are_deduplicated_and_a_path_keeps_its_prefix() {
    let arrow = "(e) => { if (e.target && e.target.value && e.target.value) go(); }";
    assert_eq!(
        fields(arrow),
        list(&[("target", "read"), ("target.value", "read")])
    );
}

#[test]
fn the_global_event_through_window_globalthis_or_self_is_the_whole_event() {
    for body in [
        "(e) => window.event.target.value",
        "(e) => { e.preventDefault(); window.event.stopPropagation(); }",
        "() => globalThis.event.key",
        "() => self[\"event\"]",
        "() => window[k]",
        "() => { const { event } = window; log(event.type); }",
        "() => { const w = window; log(w.event.type); }",
        "() => log(window.window.event.type)",
        "() => log(document.defaultView.event.type)",
        "() => log(parent.event.type)",
        "() => log(Reflect.get(window, \"event\"))",
        "() => log((0, eval)(\"event\"))",
        "() => log(Function(\"return event\")())",
    ] {
        assert_eq!(fields(body), "\"*\"", "{body}");
    }
    // A local `window` is not the global.
    assert_eq!(
        fields("(e) => { const window = { event: 1 }; return window.event; }"),
        "[]"
    );
}

#[test]
fn assigning_an_alias_rebinds_a_local_and_writes_no_event_field() {
    assert_eq!(
        fields("({ target }) => { target = 1; }"),
        list(&[("target", "read")])
    );
    assert_eq!(fields("(e) => { e = 1; }"), "\"*\"");
}

#[test]
fn unrelated_reads_of_global_objects_are_no_event_fields() {
    assert_eq!(
        fields("(e) => { window.location.assign(\"/\"); document.getElementById(\"x\"); e.preventDefault(); }"),
        list(&[("preventDefault", "call")])
    );
}
