// Self-tests of the execution harness: it must tell apart a correct rewrite
// from the wrong rewrites a transform could plausibly make. Each case pairs a
// module with a hand-written transformed version; "same" cases must compare
// equal, "wrong" cases must be reported, under every emit (esbuild's and
// TypeScript's) unless a case says per emit what each must find.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compile, execute, diffTranscripts, checkModule, EMITS, selectedEmits, selectedBackends, BACKENDS, initAst } from "./lib/harness.mjs";
import { PROPS } from "./lib/generate.mjs";

function compare(original, transformed, scenario = {}, emit = "esbuild") {
  const a = execute(compile(original, "input.tsx", emit), scenario);
  const b = execute(compile(transformed, "input.tsx", emit), scenario);
  return { diff: diffTranscripts(a.transcript, b.transcript), a, b };
}

const HELPER = `import { handler } from "commontools";\n`;
if (selectedBackends().includes("ast")) await initAst();

const cases = [
  {
    name: "a correct rewrite compares equal",
    expect: "same",
    original: `export function C({ state }) { return <b onClick={() => state.counter.set(state.counter.get() + 1)} />; }`,
    transformed: `${HELPER}export function C({ state }) { return <b onClick={handler((event, { state }) => state.counter.set(state.counter.get() + 1))({ state: { counter: state.counter } })} />; }`,
  },
  {
    name: "a written path captured as a value (the write lands on a copy)",
    expect: "wrong",
    original: `export function C({ state, log }) { return <b onClick={() => { state.count++; log(state.count); }} />; }`,
    transformed: `${HELPER}export function C({ state, log }) { return <b onClick={handler((event, { state, log }) => { state.count++; log(state.count); })({ state: { count: state.count }, log })} />; }`,
  },
  {
    name: "a callee's method captured without its object (this is lost)",
    expect: "wrong",
    props: PROPS,
    original: `export function C({ state }) { return <b onClick={() => state.count.set(5)} />; }`,
    transformed: `${HELPER}export function C({ state }) { return <b onClick={handler((event, { state }) => state.count.set(5))({ state: { count: { set: state.count.set } } })} />; }`,
  },
  {
    name: "a let reassigned after the JSX captured at render (HC002 not reported)",
    expect: "wrong",
    original: `export function C({ online }) { let label = "off"; const b = <b onClick={() => alert(label)} />; if (online) label = "on"; return b; }`,
    transformed: `${HELPER}export function C({ online }) { let label = "off"; const b = <b onClick={handler((event, { label }) => alert(label))({ label })} />; if (online) label = "on"; return b; }`,
  },
  {
    name: "a path captured past ?. (throws at render)",
    expect: "wrong",
    props: PROPS,
    original: `export function C({ data, log }) { return <b onClick={() => log(data.maybe?.x)} />; }`,
    transformed: `${HELPER}export function C({ data, log }) { return <b onClick={handler((event, { data, log }) => log(data.maybe?.x))({ data: { maybe: { x: data.maybe.x } }, log })} />; }`,
  },
  {
    name: "a module-level let captured (writes land on a copy)",
    expect: "wrong",
    original: `let clicks = 0; export function C({ log }) { return <b onClick={() => { clicks++; log(clicks); }} />; }`,
    transformed: `${HELPER}let clicks = 0; export function C({ log }) { return <b onClick={handler((event, { clicks, log }) => { clicks++; log(clicks); })({ clicks, log })} />; }`,
  },
  {
    name: "the synthesized event parameter shadows the global event the body reads",
    expect: "wrong",
    original: `export function C({ log }) { return <b onClick={() => log(event)} />; }`,
    transformed: `${HELPER}export function C({ log }) { return <b onClick={handler((event, { log }) => log(event))({ log })} />; }`,
  },
  {
    name: "a capture declared after the JSX (temporal dead zone at render)",
    expect: "wrong",
    original: `export function C({ log }) { const b = <b onClick={() => log(late)} />; const late = 1; return b; }`,
    transformed: `${HELPER}export function C({ log }) { const b = <b onClick={handler((event, { log, late }) => log(late))({ log, late })} />; const late = 1; return b; }`,
  },
  {
    name: "an async handler's settled value is compared",
    expect: "wrong",
    original: `export function C({ log }) { return <b onClick={async () => { await null; log(1); return 2; }} />; }`,
    transformed: `${HELPER}export function C({ log }) { return <b onClick={handler(async (event, { log }) => { await null; log(1); return 3; })({ log })} />; }`,
  },
  {
    name: "a nested handler (created during an event) is fired too",
    expect: "wrong",
    original: `export function C({ dialog, log }) { return <b onClick={() => dialog.show(<i onClick={() => log(1)} />)} />; }`,
    transformed: `${HELPER}export function C({ dialog, log }) { return <b onClick={handler((event, { dialog, log }) => dialog.show(<i onClick={() => log(2)} />))({ dialog, log })} />; }`,
  },
  {
    name: "handlers in .map callbacks and render props are fired",
    expect: "wrong",
    original: `export function C({ items, remove }) { return <ul>{items.map((item) => <li onClick={() => remove(item.id)} />)}</ul>; }`,
    transformed: `${HELPER}export function C({ items, remove }) { return <ul>{items.map((item) => <li onClick={handler((event, { remove, item }) => remove(item.id))({ remove, item: { id: item } })} />)}</ul>; }`,
  },
  {
    name: "a handler that is not closed (reads a local the params do not pass)",
    expect: "wrong",
    original: `export function C({ log }) { const x = 1; return <b onClick={() => log(x)} />; }`,
    transformed: `${HELPER}export function C({ log }) { const x = 1; return <b onClick={handler((event, { log }) => log(x))({ log })} />; }`,
  },
  {
    name: "a closed handler reading module-level names and globals compares equal",
    expect: "same",
    original: `const TOTAL = 3; export function C({ log }) { return <b onClick={() => log(TOTAL, typeof console)} />; }`,
    transformed: `${HELPER}const TOTAL = 3; export function C({ log }) { return <b onClick={handler((event, { log }) => log(TOTAL, typeof console))({ log })} />; }`,
  },
  {
    name: "a hoisted function called before the capture is initialised (TDZ at render)",
    expect: "wrong",
    original: `export function C({ log }) { const el = R(); const x = { v: 1 }; return el; function R() { return <b onClick={() => log(x.v)} />; } }`,
    transformed: `${HELPER}export function C({ log }) { const el = R(); const x = { v: 1 }; return el; function R() { return <b onClick={handler((event, { log, x }) => log(x.v))({ log, x: { v: x.v } })} />; } }`,
  },
  {
    // Issue 11, finding 5: a later declaration of the same enum (declaration
    // merging) adds E.B only when it runs, after the JSX. The wrong rewrite
    // reads E.B at render (undefined), the original at the event (2).
    // esbuild inlines E.B as 2 in both, so only TypeScript's emit sees it.
    name: "a merged enum's later member read at render (seen only under TypeScript's emit)",
    expect: { esbuild: "same", tsc: "wrong" },
    original: `export function C({ log }) { enum E { A = 1 } const b = <b onClick={() => log(E.B)} />; enum E { B = 2 } return b; }`,
    transformed: `${HELPER}export function C({ log }) { enum E { A = 1 } const b = <b onClick={handler((event, { log, E }) => log(E.B))({ log, E: { B: E.B } })} />; enum E { B = 2 } return b; }`,
  },
  // hoist: true (BEHAVIOR.md section 5): the callback runs from module
  // scope, so a binding of the component it reads must come through params.
  {
    name: "a hoisted handler reading its captures through params compares equal",
    expect: "same",
    original: `export function C({ log }) { const x = { v: 1 }; return <b onClick={() => log(x.v)} />; }`,
    transformed: `${HELPER}const _C_b_onClick = /*#__PURE__*/ handler((event, { log, x }) => log(x.v));\nexport function C({ log }) { const x = { v: 1 }; return <b onClick={_C_b_onClick({ log, x: { v: x.v } })} />; }`,
  },
  {
    name: "a hoisted handler reading a binding of the component (ReferenceError at the event)",
    expect: "wrong",
    original: `export function C({ log }) { const x = { v: 1 }; return <b onClick={() => log(x.v)} />; }`,
    transformed: `${HELPER}const _C_b_onClick = /*#__PURE__*/ handler((event, { log }) => log(x.v));\nexport function C({ log }) { const x = { v: 1 }; return <b onClick={_C_b_onClick({ log })} />; }`,
  },
  {
    name: "a hoisted handler reading a module-level binding a local of the component shadows",
    expect: "wrong",
    original: `const label = "module"; export function C({ log }) { const label = "local"; return <b onClick={() => log(label)} />; }`,
    transformed: `${HELPER}const _C_b_onClick = /*#__PURE__*/ handler((event, { log }) => log(label));\nconst label = "module"; export function C({ log }) { const label = "local"; return <b onClick={_C_b_onClick({ log })} />; }`,
  },
  {
    // esbuild renames a parameter that shadows a binding of the enclosing
    // function (state -> state2); hoisted, nothing is shadowed any more.
    name: "an error naming a shadowing parameter compares equal when hoisting removes the shadow",
    expect: "same",
    original: `export function C({ state }) { return <b onClick={(state) => { state = 1; state(); }} />; }`,
    transformed: `${HELPER}const _C_b_onClick = /*#__PURE__*/ handler((state, params) => { state = 1; state(); });\nexport function C({ state }) { return <b onClick={_C_b_onClick({})} />; }`,
  },
  {
    name: "a hoisted block placed after module code that renders (TDZ at load)",
    expect: "wrong",
    original: `import { mount } from "./dom"; export function C({ log }) { return <b onClick={() => log(1)} />; } mount(C({ log: console.log }));`,
    transformed: `${HELPER}import { mount } from "./dom"; export function C({ log }) { return <b onClick={_C_b_onClick({ log })} />; } mount(C({ log: console.log }));\nconst _C_b_onClick = /*#__PURE__*/ handler((event, { log }) => log(1));`,
  },
];

for (const c of cases) {
  for (const emit of Object.keys(EMITS)) {
    test(`harness (${emit}): ${c.name}`, () => {
      const { diff, a } = compare(c.original, c.transformed, { props: c.props }, emit);
      assert.ok(a.events > 0, "no handler fired");
      const expect = typeof c.expect === "string" ? c.expect : c.expect[emit];
      if (expect === "same") assert.equal(diff, null);
      else assert.notEqual(diff, null, "the harness did not see the difference");
    });
  }
}

test("harness: the pipeline check flags a wrong enum rewrite through the TypeScript emit", () => {
  // A stand-in back end that gives the wrong output of the enum case (and
  // leaves its own output alone, so the idempotence check passes).
  const c = cases.find((x) => x.name.startsWith("a merged enum"));
  const wrongBackEnd = (source) => ({ status: 0, code: source === c.original ? c.transformed : source, diagnostics: [], crashed: false });
  const esbuildOnly = checkModule(c.original, { backend: wrongBackEnd, emit: "esbuild" });
  assert.ok(esbuildOnly.ok, "esbuild inlines the enum member: the runs look the same");
  const tsc = checkModule(c.original, { backend: wrongBackEnd, emit: "tsc" });
  assert.equal(tsc.ok, false, "the TypeScript emit must tell the runs apart");
  assert.equal(tsc.stage, "exec");
  assert.equal(tsc.emit, "tsc");
  // And every check runs it, unless HC_EMITS narrows the emits on purpose.
  if (!process.env.HC_EMITS) assert.deepEqual(selectedEmits(), ["esbuild", "tsc"]);
});

test("harness: the pipeline check flags a hoisted callback corrupted to read a binding of the component", () => {
  // The real output of both back ends with hoist: true, then corrupted: the
  // hoisted callback's parameter `x` renamed away, so its body's `x` is no
  // longer the param but a name of the component it cannot see from module
  // scope. The check must report a ReferenceError at the event, under every
  // emit and back end.
  const original = `export function C({ log }) {\n  const x = { v: 1 };\n  return <b onClick={() => log(x.v)} />;\n}\n`;
  const options = { hoist: true };
  for (const backend of selectedBackends()) {
    const real = BACKENDS[backend](original, options);
    assert.match(real.code, /const _C_b_onClick = \/\*#__PURE__\*\/ handler\(/, `${backend}: not hoisted`);
    const good = checkModule(original, { options, backend });
    assert.ok(good.ok, `${backend}: ${good.message}`);
    const corrupted = real.code.replace(/(\{\s*log,\s*)x(\s*\})/, "$1x: dropped$2");
    assert.notEqual(corrupted, real.code, `${backend}: the corruption did not apply to\n${real.code}`);
    const wrongBackEnd = (source) => ({ status: 0, code: source === original ? corrupted : source, diagnostics: [], crashed: false });
    for (const emit of selectedEmits()) {
      const r = checkModule(original, { options, backend: wrongBackEnd, emit });
      assert.equal(r.ok, false, `${backend}/${emit}: the harness did not see the corrupted hoisted callback`);
      assert.equal(r.stage, "exec");
      assert.match(r.message, /ReferenceError: x is not defined/);
    }
  }
});

test("harness: a program that never stops is cut off by the step time limit", () => {
  const js = compile(`export function C() { return <b onClick={() => { while (true) {} }} />; }`);
  const r = execute(js, { stepTimeout: 200 });
  assert.ok(r.transcript.some((l) => l.includes("TIMEOUT")));
});

test("harness: the pipeline check runs the real CLI and finds nothing on a correct module", () => {
  const r = checkModule(`import { Card } from "./ui";\nexport function C({ state }) { return <Card><b onClick={() => state.n.set(state.n.get() + 1)} /></Card>; }\n`);
  assert.ok(r.ok, r.message);
  assert.equal(r.events, 2);
  assert.match(r.transformed, /handler\(/);
});
