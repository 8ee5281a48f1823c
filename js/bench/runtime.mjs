// Render cost of rewritten handlers under the reference runtime of
// BEHAVIOR.md section 0, inline (`hoist: false`) against hoisted
// (`hoist: true`, section 5).
//
//   node js/bench/runtime.mjs [RENDERS] [REPETITIONS]     (default 100000, 7)
//
// One source: a component with 20 event handlers, each capturing something
// from its props (`state.items`, `item.id`, ...). The JS API (js/api, the
// standalone wasm module: bash scripts/build-wasm-module.sh) transforms it
// both ways; esbuild (the one js/exec installs: npm ci there) strips types
// and JSX (classic runtime, a tiny local `h`); each result is loaded as a
// CommonJS function whose `require("commontools")` is the reference runtime
//
//   const handler = (fn) => (params) => (event) => fn(event, params);
//
// Inline, every render calls `handler(callback)` and then the binder with the
// params; hoisted, `handler(callback)` ran once at module load and a render
// only calls the binder. A timed run calls the component RENDERS times (each
// render evaluates all 20 bindings and builds the elements); after a warm-up,
// the two variants alternate for REPETITIONS runs and the medians are
// compared. Before timing, both variants are checked to behave the same
// (every handler fired once, the effects compared).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const esbuild = createRequire(join(here, "../exec/package.json"))("esbuild");
const api = await import(pathToFileURL(join(here, "../api/index.js")).href);
api.initSync(readFileSync(join(here, "../api/handler_closures.wasm")));

const RENDERS = Number(process.argv[2] || 100000);
const REPETITIONS = Number(process.argv[3] || 7);

// ------------------------------------------------------------- the source
const bodies = [
  "state.items.push(item.id)",
  "state.selected.set(item.id)",
  "state.count.set(state.count.get() + 1)",
  "state.count.set(state.count.get() - 1)",
  "state.items.splice(index, 1)",
  "item.name.set(e.target.value)",
  "state.filter.set(e.target.value)",
  "state.log.push([item.id, index])",
  "state.items.push({ id: item.id, name: item.name.get() })",
  "state.selected.set(null)",
  "item.done.set(!item.done.get())",
  "state.drag.set({ from: index, id: item.id })",
  "state.drop.set({ to: index, over: state.drag.get() })",
  "state.hover.set(item.id)",
  "state.hover.set(null)",
  "{ e.preventDefault(); state.submit(item.id, state.filter.get()); }",
  "state.log.push(e.key + item.id)",
  "state.page.set(state.page.get() + 1)",
  "state.page.set(Math.max(0, state.page.get() - 1))",
  "state.items.length = 0",
];
const events = ["onClick", "onDoubleClick", "onChange", "onInput", "onKeyDown", "onKeyUp", "onFocus", "onBlur", "onMouseEnter", "onMouseLeave"];
const tags = ["button", "input", "a", "li", "span"];
export const source = [
  `export function Row({ state, item, index }: { state: any; item: any; index: number }) {`,
  `  return (`,
  `    <div class="row">`,
  ...bodies.map((b, i) => {
    const tag = tags[i % tags.length];
    const param = /\be\./.test(b) ? "(e: any)" : "()";
    return `      <${tag} ${events[i % events.length]}={${param} => ${b}} />`;
  }),
  `    </div>`,
  `  );`,
  `}`,
  ``,
].join("\n");

// ------------------------------------------------------------ the runtime
const runtime = { handler: (fn) => (params) => (event) => fn(event, params) };
const h = (type, props, ...children) => ({ type, props, children });

function load(code) {
  const js = esbuild.transformSync(code, { loader: "tsx", format: "cjs", jsx: "transform", jsxFactory: "h", target: "es2022" }).code;
  const module = { exports: {} };
  const require = (spec) => {
    if (spec === "commontools") return runtime;
    throw new Error(`unexpected import ${spec}`);
  };
  new Function("module", "exports", "require", "h", js)(module, module.exports, require, h);
  return module.exports.Row;
}

async function variant(hoist) {
  const r = await api.transform(source, { filename: "Row.tsx", hoist, sourceMap: false, handlers: false });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) throw new Error(`transform (hoist: ${hoist}): ${errors.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  const rewritten = (r.code.match(hoist ? /^const _Row_\w+ = \/\*#__PURE__\*\/ handler\(/gm : /=\{handler\(/g) || []).length;
  if (rewritten !== bodies.length) throw new Error(`hoist: ${hoist}: ${rewritten} of ${bodies.length} handlers rewritten as expected\n${r.code}`);
  return { code: r.code, Row: load(r.code) };
}

// --------------------------------------------------------- same behaviour
// Recording props: cells and arrays log what the handlers do to them.
function props(log) {
  const cell = (name, v) => ({ get: () => v, set: (x) => { log.push(`${name}=${JSON.stringify(x)}`); v = x; } });
  const list = (name) => Object.assign([], { push: (...x) => log.push(`${name}.push ${JSON.stringify(x)}`), splice: (...x) => log.push(`${name}.splice ${JSON.stringify(x)}`) });
  const state = {
    items: list("items"), log: list("log"), selected: cell("selected", null), count: cell("count", 0), filter: cell("filter", "f"),
    drag: cell("drag", null), drop: cell("drop", null), hover: cell("hover", null), page: cell("page", 1),
    submit: (...x) => log.push(`submit ${JSON.stringify(x)}`),
  };
  return { state, item: { id: 7, name: cell("name", "seven"), done: cell("done", false) }, index: 3 };
}

function behaviour(Row) {
  const log = [];
  const p = props(log);
  const el = Row(p);
  const event = { key: "k", target: { value: "typed" }, preventDefault: () => log.push("preventDefault") };
  for (const child of el.children)
    for (const [k, fn] of Object.entries(child.props)) if (k.startsWith("on")) fn(event);
  log.push(`items.length=${p.state.items.length}`);
  return log.join("\n");
}

// ----------------------------------------------------------------- timing
let sink = 0;
function run(Row, p) {
  const start = performance.now();
  for (let i = 0; i < RENDERS; i++) {
    const el = Row(p);
    sink += el.children.length;
  }
  return performance.now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const inline = await variant(false);
const hoisted = await variant(true);
const a = behaviour(inline.Row);
const b = behaviour(hoisted.Row);
if (a !== b) throw new Error(`inline and hoisted behave differently:\n--- inline\n${a}\n--- hoisted\n${b}`);

const p = props([]);
for (let i = 0; i < 3; i++) {
  run(inline.Row, p);
  run(hoisted.Row, p);
}
const times = { inline: [], hoisted: [] };
for (let i = 0; i < REPETITIONS; i++) {
  // alternate the order so drift hits both alike
  if (i % 2) {
    times.hoisted.push(run(hoisted.Row, p));
    times.inline.push(run(inline.Row, p));
  } else {
    times.inline.push(run(inline.Row, p));
    times.hoisted.push(run(hoisted.Row, p));
  }
}
if (sink === 0) throw new Error("nothing rendered");
const mi = median(times.inline);
const mh = median(times.hoisted);
const ns = (ms) => ((ms * 1e6) / RENDERS).toFixed(0);
const show = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
console.log(`| runtime: ${bodies.length} handlers, ${RENDERS} renders | median ms | ns/render | runs (ms) |`);
console.log(`|---|---:|---:|---|`);
console.log(`| inline (hoist: false) | ${mi.toFixed(1)} | ${ns(mi)} | ${show(times.inline)} |`);
console.log(`| hoisted (hoist: true) | ${mh.toFixed(1)} | ${ns(mh)} | ${show(times.hoisted)} |`);
console.log(`| **hoisted / inline** | **${(mh / mi).toFixed(2)}** | inline / hoisted ${(mi / mh).toFixed(2)} | ${REPETITIONS} runs after 3 warm-ups, same behaviour checked |`);
