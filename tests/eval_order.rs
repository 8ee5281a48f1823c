//! Evaluation-order rules (BEHAVIOR.md section 4, "When the JSX is
//! evaluated") through the driver, in both back ends, for the cases a golden
//! fixture cannot show: the fixtures' harness runs SWC's hygiene, which
//! renames around SWC's resolver's `switch` behaviour in a way no rule of
//! ours decides. The general cases are golden fixtures in `fixtures/eval-order/`.

use handler_closures::{driver, Options};

/// The codes both back ends report, after checking that they agree and that
/// a refused handler leaves the text as it was.
fn codes(source: &str) -> Vec<&'static str> {
    let options = Options::default();
    let ast = driver::transform(source, "test.tsx", &options).expect("parses");
    let text = driver::transform_text(source, "test.tsx", &options).expect("parses");
    let ast_codes: Vec<_> = ast.diagnostics.iter().map(|d| d.code.as_str()).collect();
    let text_codes: Vec<_> = text.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(ast_codes, text_codes, "the back ends disagree");
    if ast.rewritten == 0 {
        assert_eq!(text.code, source, "a refused handler changed the text");
    }
    ast_codes
}

#[test]
fn a_binding_of_a_later_switch_case_is_in_its_tdz() {
    // SWC's resolver leaves the first `y` unresolved: without the switch rule
    // the handler would be rewritten with no parameter for it.
    let source = "export function Pick({ k }) {
  switch (k) {
    case 1: return <b onClick={() => console.log(y)} />;
    case 2: const y = 1;
  }
}
";
    assert_eq!(codes(source), ["HC003"]);
}

#[test]
fn a_later_switch_case_binding_shadows_an_outer_one() {
    // Here the resolver resolves the first `y` to the outer const: capturing
    // it would pass 0 where the original reads the case's own `y`.
    let source = "export function Pick({ k }) {
  const y = 0;
  switch (k) {
    case 1: return <b onClick={() => console.log(y)} />;
    case 2: const y = 1; let z = 2; class C {}
  }
}
";
    assert_eq!(codes(source), ["HC003"]);
    for later in ["z", "C"] {
        let source = source.replace("console.log(y)", &format!("console.log({later})"));
        assert_eq!(codes(&source), ["HC003"], "{later}");
    }
}

#[test]
fn switch_names_declared_before_or_elsewhere_are_fine() {
    // After the declaration, in a nested block's own binding, or declared
    // by the handler itself: all resolved correctly.
    let source = "export function Pick({ k }) {
  switch (k) {
    case 1: { const y = 2; return <b onClick={() => console.log(y)} />; }
    case 2: const y = 1; return <b onClick={() => console.log(y)} />;
    case 3: return <b onClick={() => { const y = 3; console.log(y); }} />;
  }
}
";
    assert_eq!(codes(source), Vec::<&str>::new());
}

#[test]
fn a_function_declared_in_a_switch_case_counts_as_created_at_the_switch() {
    let source = "export function Pick({ k }) {
  switch (k) {
    case 1: return show();
    case 2: function show() { return <b onClick={() => console.log(x)} />; }
  }
  const x = 1;
}
";
    assert_eq!(codes(source), ["HC003"]);
}

#[test]
fn a_handler_inside_with_is_refused() {
    // `with` only parses in a script; the rule holds whatever the file is.
    let source = "with (scope) { <b onClick={() => go()} />; }\n";
    let output = driver::transform(source, "test.jsx", &Options::default()).expect("parses");
    let codes: Vec<_> = output.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["HC010"]);
    assert_eq!(output.rewritten, 0);
}

#[test]
fn a_write_that_only_runs_before_the_call_is_fine() {
    let source = "export function App() {
  var v = 1;
  v = 2;
  return Render();
  function Render() { return <b onClick={() => console.log(v)} />; }
}
";
    assert_eq!(codes(source), Vec::<&str>::new());
    let later = source.replace(
        "  return Render();\n",
        "  const el = Render();\n  v = 3;\n  return el;\n",
    );
    assert_eq!(codes(&later), ["HC002"]);
}

#[test]
fn a_function_declaration_passed_as_a_value_may_run_later() {
    // `items.map(Row)` runs Row before `x` is declared.
    let source = "export function List({ items }) {
  const rows = items.map(Row);
  const x = 1;
  return rows;
  function Row(item) { return <b onClick={() => console.log(item, x)} />; }
}
";
    assert_eq!(codes(source), ["HC003"]);
}

#[test]
fn an_unused_function_declaration_never_evaluates_its_jsx() {
    let source = "export function App() {
  let v = 1;
  v = 2;
  function Unused() { return <b onClick={() => console.log(v)} />; }
  return null;
}
";
    assert_eq!(codes(source), Vec::<&str>::new());
}

#[test]
fn mutually_recursive_declarations_terminate() {
    let source = "export function App() {
  const el = a(3);
  const x = 1;
  return el;
  function a(n) { return n ? b(n - 1) : <b onClick={() => console.log(x)} />; }
  function b(n) { return a(n); }
}
";
    assert_eq!(codes(source), ["HC003"]);
}

#[test]
fn control_flow_cuts_only_where_it_surely_leaves() {
    let template = |body: &str| {
        format!(
            "export function F(props) {{\n  let label = props.label;\n{body}\n  return null;\n}}\n"
        )
    };
    let cases = [
        // Leaves: no write can follow.
        ("  if (props.a) return <i onClick={() => props.c(label)} />;\n  label = 1;", vec![]),
        ("  if (props.a) { return <i onClick={() => props.c(label)} />; } else { label = 1; }", vec![]),
        ("  switch (props.k) { case 1: return <i onClick={() => props.c(label)} />; case 2: label = 1; }", vec![]),
        ("  const el = props.a ? <i onClick={() => props.c(label)} /> : (label = 1);", vec![]),
        // May continue: the write can follow.
        ("  const el = <i onClick={() => props.c(label)} />;\n  if (props.a) return el;\n  label = 1;", vec!["HC002"]),
        ("  switch (props.k) { case 1: props.f(<i onClick={() => props.c(label)} />); case 2: label = 1; }", vec!["HC002"]),
        ("  try { return <i onClick={() => props.c(label)} />; } catch { label = 1; }", vec!["HC002"]),
        // A throw caught by the `try` skips the rest of the `try` block only.
        ("  try { if (props.a) throw <i onClick={() => props.c(label)} />; label = 1; } catch (e) { return e; }", vec![]),
        ("  try { if (props.a) throw <i onClick={() => props.c(label)} />; } catch (e) { props.f(e); }\n  label = 1;", vec!["HC002"]),
        ("  try { if (props.a) throw <i onClick={() => props.c(label)} />; } finally { label = 1; }", vec!["HC002"]),
        ("  for (const x of props.xs) { try { if (x) throw <i onClick={() => props.c(label)} />; } catch {} label = x; }", vec!["HC002"]),
        ("  a: { if (props.a) { props.f(<i onClick={() => props.c(label)} />); break a; } return; }\n  label = 1;", vec!["HC002"]),
        ("  while (props.a) { if (props.b) props.f(<i onClick={() => props.c(label)} />); else label = 1; }", vec!["HC002"]),
    ];
    for (body, expected) in cases {
        assert_eq!(codes(&template(body)), expected, "{body}");
    }
}

#[test]
fn a_for_of_binding_is_in_its_tdz_while_the_iterable_is_evaluated() {
    let source = "export function A() {
  const x = 1;
  for (const x of [<b onClick={() => console.log(x)} />]) {}
  for (let i = 0, j = <b onClick={() => console.log(i, j)} />; i < 1; i++) {}
}
";
    // `i` is HC002 (conservatively: `i++` updates per-iteration copies, not
    // the binding the init clause's JSX sees), `j` is in its own initializer.
    assert_eq!(codes(source), ["HC003", "HC002", "HC003"]);
    let body = "export function A(xs) {\n  for (const x of xs) { <b onClick={() => console.log(x)} />; }\n}\n";
    assert_eq!(codes(body), Vec::<&str>::new());
}

#[test]
fn a_namespace_body_hoists_its_function_declarations() {
    let source = "namespace N {
  export const el = R();
  const x = 1;
  function R() { return <b onClick={() => console.log(x)} />; }
}
export {};
";
    assert_eq!(codes(source), ["HC003"]);
}

#[test]
fn an_exported_namespace_function_may_run_from_its_namespace_start() {
    // `N.Render()` names the namespace, not the function.
    let source = "export namespace N {
  export function Render() { return <b onClick={() => console.log(x.v)} />; }
  export const early = N.Render();
  const x = { v: 1 };
}
";
    assert_eq!(codes(source), ["HC003"]);
}

#[test]
fn a_direct_eval_that_can_see_a_capture_refuses_the_handler() {
    for body in [
        "let x = 1; const el = <b onClick={() => console.log(x)} />; eval(code); return el;",
        "let x = 1; const el = <b onClick={() => console.log(x)} />; (() => eval(code))(); return el;",
        "const el = eval(code); const x = 1; return el; function R() { return <b onClick={() => console.log(x)} />; }",
    ] {
        let source = format!("export function App(code) {{ {body} }}\n");
        assert_eq!(codes(&source), ["HC006"], "{body}");
    }
    // An indirect eval sees only globals.
    let indirect = "export function App(code) { const x = 1; (0, eval)(code); return <b onClick={() => console.log(x)} />; }\n";
    assert_eq!(codes(indirect), Vec::<&str>::new());
}

#[test]
fn a_parenthesised_use_strict_counts_as_the_directive_the_printer_makes_of_it() {
    let source = "export function App(s) { return <b onClick={() => { (\"use strict\"); console.log(s.v); }} />; }\n";
    assert_eq!(codes(source), ["HC012"]);
}
