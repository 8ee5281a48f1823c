// Seeded generator of random TSX components for the execution-equivalence
// harness (see the README, "Verification").
//
//   generateProgram(seed, { mode }) -> { tree, props, mode, seed }
//   renderProgram(tree, disabled?)  -> TSX source text
//   removableUnits(tree)            -> units the shrinker may drop
//
// A program is a tree of text parts; statements, JSX children, attributes
// and declarations are "removable units", so a failing program can be shrunk
// by dropping units while it still fails.
//
// Two modes:
// - "conforming": the program stays inside the runtime model of BEHAVIOR.md
//   section 0 (state read through static paths does not change between a
//   render and the next event except by the handler's own writes), so it is
//   checked for equivalence under both captureMode "paths" and "roots".
//   Concretely: plain mutable objects (`draft`) are written only directly in
//   handler bodies (or functions nested in them), are never aliased by a
//   component-level binding, and are not read by handlers created during an
//   event; local helpers only touch cells, callbacks and module state.
// - "free": anything goes (helpers writing plain state, aliases); checked for
//   equivalence under "roots" only, where it must always hold, and for
//   parsing and idempotence under "paths".
//
// Identifier writes and lets assigned after the JSX ARE generated in both
// modes: the transform must refuse those handlers (HC001/HC002/HC003...) and
// a handler it wrongly rewrites shows up as a difference.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------- text tree
export class Unit {
  constructor(id, removable, parts, kind) {
    this.id = id;
    this.removable = removable;
    this.parts = parts;
    this.kind = kind;
  }
}

export function renderProgram(tree, disabled = new Set()) {
  const walk = (t) => {
    if (typeof t === "string") return t;
    if (disabled.has(t.id)) return "";
    return t.parts.map(walk).join("");
  };
  return walk(tree);
}

export function removableUnits(tree) {
  const found = [];
  const walk = (t) => {
    if (typeof t === "string") return;
    if (t.removable) found.push(t);
    t.parts.forEach(walk);
  };
  walk(tree);
  return found;
}

// The props every generated component receives (evaluated in the vm
// context; __hc is the runtime). Cells and recording callbacks log.
export const PROPS = `(() => {
  const c = __hc.cell, f = __hc.fn;
  return {
    state: { count: c("count", 1), name: c("name", "ada"), flag: c("flag", false), user: { name: "ada", profile: { city: "paris", age: 36 } } },
    data: { title: "T", tags: ["a", "b", "c"], user: { name: "bob", profile: { city: "rome", age: 41 } }, nested: { a: { b: { c: 7 } } }, map: { x: 1, y: 2, k: 3 }, keys: ["x", "y"], maybe: null },
    draft: { n: 0, flag: false, obj: { k: 1, tmp: 2 }, list: [1, 2], cur: null },
    items: [{ id: 1, label: "one", done: c("done1", false) }, { id: 2, label: "two", done: c("done2", true) }],
    log: f("log"), remove: f("remove"), select: f("select"),
    api: {
      save: f("api.save"), track: f("api.track"), show: f("api.show"), load: __hc.asyncFn("api.load"),
      fmt: (s, ...v) => "fmt:" + s.raw.join("|") + ":" + v.join(","),
      nested: { deep: { ping: f("api.nested.deep.ping") } },
    },
    idx: c("idx", 0),
  };
})()`;

const PROP_NAMES = ["state", "data", "draft", "items", "log", "remove", "select", "api", "idx"];
const PROP_TYPES = {
  state: "state", data: "data", draft: "draft", items: "items", log: "fn", remove: "fn", select: "fn", api: "api", idx: "cellN",
};
const EVENT_ATTRS = ["onClick", "onClick", "onClick", "onChange", "onInput", "onKeyDown", "onclick", "on-click", "on:click", "onct-change", "onMouseEnter", "one"];
const SHADOW_NAMES = ["state", "data", "draft", "item", "event", "params", "count", "handler", "x", "label"];
// Plain mutable values: not touched by helpers and handlers created during an
// event in conforming mode.
const UNSTABLE = new Set(["draft", "acc", "objAlias"]);

class Gen {
  constructor(seed, mode) {
    this.rng = mulberry32(seed);
    this.mode = mode;
    this.ids = 0;
    this.names = 0;
    this.scopes = [];
    this.inHandler = 0; // depth of handler bodies we are in
    this.stableOnly = false; // in a handler created during an event (conforming mode)
    this.asyncDepth = false;
    this.eventParam = null;
    this.componentLets = []; // lets of the current component (for HC001/HC002 cases)
    this.depth = 0;
  }
  // -- randomness
  r() {
    return this.rng();
  }
  chance(p) {
    return this.rng() < p;
  }
  int(a, b) {
    return a + Math.floor(this.rng() * (b - a + 1));
  }
  pick(xs) {
    return xs[Math.floor(this.rng() * xs.length)];
  }
  fresh(prefix) {
    this.names += 1;
    return `${prefix}${this.names}`;
  }
  // -- units
  R(kind, ...parts) {
    return new Unit(this.ids++, true, parts, kind);
  }
  N(...parts) {
    return new Unit(this.ids++, false, parts, "fixed");
  }
  // -- scopes
  push() {
    this.scopes.push(new Map());
  }
  pop() {
    this.scopes.pop();
  }
  declare(name, type, extra = {}) {
    this.scopes[this.scopes.length - 1].set(name, { name, type, ...extra });
  }
  visible() {
    const seen = new Map();
    for (let i = this.scopes.length - 1; i >= 0; i--)
      for (const [name, b] of this.scopes[i]) if (!seen.has(name)) seen.set(name, b);
    return [...seen.values()];
  }
  ofType(...types) {
    return this.visible().filter((b) => types.includes(b.type) && !(this.stableOnly && UNSTABLE.has(b.type)));
  }
  one(...types) {
    const xs = this.ofType(...types);
    return xs.length ? this.pick(xs).name : null;
  }

  // ------------------------------------------------------------ expressions
  num(d = 0) {
    const opts = [() => String(this.int(0, 9))];
    const st = this.one("state");
    const data = this.one("data");
    const draft = this.draftRoot();
    const item = this.one("item");
    const cellN = this.one("cellN");
    const acc = this.one("acc");
    if (st) opts.push(() => `${st}.count.get()`, () => `${st}.user.profile.age`);
    if (cellN) opts.push(() => `${cellN}.get()`);
    if (data)
      opts.push(
        () => `${data}.user.profile.age`,
        () => `${data}.nested.a.b.c`,
        () => `${data}.map[${this.keyExpr()}]`,
        () => `${data}.tags.length`,
        () => `(${data}.maybe?.x ?? 4)`,
        () => `${data}["nested"].a.b.c`,
        () => `(${data}.user as any).profile.age`,
        () => `${data}.user!.profile.age`,
      );
    if (draft) opts.push(() => `${draft}.n`, () => `${draft}.obj.k`, () => `${draft}.list.length`, () => `(${draft}.obj.tmp ?? 0)`);
    if (item) opts.push(() => `${item}.id`);
    if (acc) opts.push(() => `${acc}.n`, () => `${acc}.p`);
    for (const b of this.ofType("num")) opts.push(() => b.name);
    for (const b of this.ofType("numFn")) opts.push(() => `${b.name}()`);
    opts.push(() => "TOTAL", () => "clicks");
    if (d < 2) opts.push(() => `(${this.num(d + 1)} + ${this.num(d + 1)})`, () => `(${this.bool(d + 1)} ? ${this.num(d + 1)} : ${this.num(d + 1)})`);
    return this.pick(opts)();
  }
  keyExpr() {
    const keys = this.ofType("key");
    if (keys.length && this.chance(0.5)) return this.pick(keys).name;
    const data = this.one("data");
    if (data && this.chance(0.4)) return `${data}.keys[${this.int(0, 1)}]`;
    return JSON.stringify(this.pick(["x", "y", "k"]));
  }
  str(d = 0) {
    const opts = [() => JSON.stringify(this.pick(["a", "b", "hello", ""]))];
    const st = this.one("state");
    const data = this.one("data");
    const item = this.one("item");
    const api = this.one("api");
    if (st) opts.push(() => `${st}.name.get()`, () => `${st}.user.name`);
    if (data) opts.push(() => `${data}.title`, () => `${data}.user?.name`, () => `${data}.user.profile.city`, () => `${data}.tags[${this.num(2)}]`);
    if (item) opts.push(() => `${item}.label`);
    if (api && d < 2) opts.push(() => `${api}.fmt\`v\${${this.num(d + 1)}}w\``);
    if (this.eventParam && this.inHandler) opts.push(() => `${this.eventParam}.type`);
    for (const b of this.ofType("str", "key")) opts.push(() => b.name);
    for (const b of this.ofType("strFn")) opts.push(() => `${b.name}(${this.num(d + 1)})`);
    opts.push(() => "fmtTag`t${TOTAL}`");
    if (d < 2) opts.push(() => `\`\${${this.str(d + 1)}}-\${${this.num(d + 1)}}\``, () => `String(${this.num(d + 1)})`);
    return this.pick(opts)();
  }
  bool(d = 0) {
    const opts = [() => this.pick(["true", "false"]), () => `${this.num(d + 1)} > 2`];
    const st = this.one("state");
    const draft = this.draftRoot();
    const item = this.one("item");
    if (st) opts.push(() => `${st}.flag.get()`);
    if (draft) opts.push(() => `${draft}.flag`);
    if (item) opts.push(() => `${item}.done.get()`);
    if (d < 2) opts.push(() => `!${this.bool(d + 1)}`);
    return this.pick(opts)();
  }
  // Any value, including whole objects (bare uses capture roots whole).
  value(d = 0) {
    const opts = [() => this.num(d), () => this.str(d), () => this.bool(d)];
    const data = this.one("data");
    const st = this.one("state");
    const draft = this.draftRoot();
    const item = this.one("item");
    if (data) opts.push(() => `${data}.user`, () => `{ ...${data}.user.profile }`, () => `${data}.tags`);
    if (st) opts.push(() => `${st}.count`, () => st);
    if (draft) opts.push(() => `${draft}.obj`, () => `[...${draft}.list]`);
    if (item) opts.push(() => item);
    const names = this.ofType("num", "str", "key", "user", "cellN", "item");
    if (names.length) opts.push(() => `{ ${this.pick(names).name} }`);
    if (d < 2) opts.push(() => `[${this.value(d + 1)}, ${this.value(d + 1)}]`, () => `{ a: ${this.value(d + 1)}, [${this.keyExpr()}]: ${this.num(d + 1)} }`);
    return this.pick(opts)();
  }
  // The draft root visible here, if plain mutable state may be touched.
  draftRoot() {
    if (this.stableOnly) return null;
    return this.one("draft");
  }
  cellTarget() {
    const opts = [];
    const st = this.one("state");
    const item = this.one("item");
    const cellN = this.one("cellN");
    if (st) opts.push(() => `${st}.count.set(${this.num()})`, () => `${st}.name.set(${this.str()})`, () => `${st}.flag.set(!${st}.flag.get())`);
    if (cellN) opts.push(() => `${cellN}.set(${cellN}.get() + ${this.int(1, 3)})`);
    if (item) opts.push(() => `${item}.done.set(!${item}.done.get())`);
    return opts.length ? this.pick(opts)() : null;
  }
  call() {
    const opts = [];
    for (const b of this.ofType("fn")) opts.push(() => `${b.name}(${this.args()})`);
    const api = this.one("api");
    if (api)
      opts.push(
        () => `${api}.save(${this.args()})`,
        () => `${api}.track(${this.str()})`,
        () => `${api}.nested.deep.ping(${this.num()})`,
        () => `${api}.nested?.deep.ping(${this.num()})`,
        () => `${api}.maybe?.(${this.num()})`,
        () => `(${api}.save as any)(${this.num()})`,
      );
    for (const b of this.ofType("voidFn")) opts.push(() => `${b.name}()`);
    opts.push(() => `console.log(${this.args()})`);
    const cell = this.cellTarget();
    if (cell) opts.push(() => cell);
    return this.pick(opts)();
  }
  args() {
    const n = this.int(0, 3);
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(this.value());
    return xs.join(", ");
  }

  // ------------------------------------------------------------ statements
  // Writes to plain mutable state, through the draft root.
  draftWrite(exprOnly = false) {
    const d = this.draftRoot();
    if (!d) return null;
    const forms = [
      () => `${d}.n++`,
      () => `--${d}.n`,
      () => `${d}.n += ${this.num()}`,
      () => `${d}.obj.k = ${this.num()}`,
      () => `${d}.obj.k *= 2`,
      () => `${d}.flag ||= ${this.bool()}`,
      () => `${d}.obj.tmp ??= ${this.num()}`,
      () => `${d}.flag &&= false`,
      () => `delete ${d}.obj.tmp`,
      () => `[${d}.n, ${d}.obj.k] = [${d}.obj.k, ${d}.n]`,
      () => `({ k: ${d}.n } = ${d}.obj)`,
      () => `${d}.obj[${JSON.stringify(this.pick(["k", "tmp"]))}] = ${this.num()}`,
      () => `${d}.list.push(${this.num()})`,
      () => `${d}.obj = { k: ${this.num()}, tmp: 1 }`,
      () => `${d}.list = [...${d}.list, ${this.num()}]`,
      () => `bumpObj(${d}.obj)`,
    ];
    if (!exprOnly) forms.push(() => `for (${d}.cur of ${d}.list) log(${d}.cur)`, () => `for (${d}.cur in ${d}.obj) log(${d}.cur)`);
    return this.pick(forms)();
  }
  // One statement of a handler body (a string, possibly several lines).
  stmt(depth) {
    const ind = "  ".repeat(depth);
    const opts = [
      [5, () => `${this.call()};`],
      [2, () => `${this.cellTarget() || this.call()};`],
      [1, () => `clicks += ${this.int(1, 2)};`],
      [1, () => `log(${this.num()}, ${this.str()});`],
    ];
    const w = this.draftWrite();
    if (w) opts.push([4, () => `${this.draftWrite()};`]);
    const acc = this.one("acc");
    if (acc) opts.push([2, () => `log(${acc}.inc(), ${acc}.n);`], [1, () => `${acc}.inc();`]);
    if (this.eventParam && this.inHandler) opts.push([1, () => `${this.eventParam}.preventDefault();`], [1, () => `log(${this.eventParam}.type);`]);
    const lets = this.componentLets.filter((l) => this.visible().some((b) => b.name === l.name && b === l));
    if (lets.length && this.inHandler) opts.push([0.4, () => `${this.pick(lets).name} = ${this.num()};`], [0.2, () => `${this.pick(lets).name}++;`]);
    if (depth < 5) {
      opts.push(
        [1, () => `if (${this.bool()}) {\n${this.block(depth + 1)}${ind}} else {\n${this.block(depth + 1)}${ind}}`],
        [1, () => this.withScope(() => { this.declare("x", "str"); return `for (const x of ${this.one("data") || "[1]"}${this.one("data") ? ".tags" : ""}) {\n${this.block(depth + 1)}${ind}}`; })],
        [1, () => {
          const items = this.one("items");
          if (!items) return `${this.call()};`;
          const name = this.chance(0.5) ? "item" : this.fresh("it");
          return this.withScope(() => { this.declare(name, "item"); return `for (const ${name} of ${items}) {\n${this.block(depth + 1)}${ind}}`; });
        }],
        [1, () => {
          const name = this.pick(SHADOW_NAMES);
          return this.withScope(() => {
            const init = this.num();
            this.declare(name, "num");
            return `{\n${ind}  const ${name} = ${init};\n${this.block(depth + 1)}${ind}}`;
          });
        }],
        [1, () => {
          const name = this.pick(["err", "draft", "state", "e"]);
          const body = this.block(depth + 1);
          return this.withScope(() => {
            this.declare(name, "error");
            return `try {\n${body}${ind}  throw new Error(${this.str()});\n${ind}} catch (${name}) {\n${ind}  log(${name}.message);\n${ind}}`;
          });
        }],
        [1, () => {
          const f = this.fresh("f");
          const p = this.pick(["x", "draft", "state", "n"]);
          const body = this.sync(() => this.withScope(() => { this.declare(p, "num"); return this.num(); }));
          return `const ${f} = (${p}: any) => ${body} + ${p};\n${ind}log(${f}(${this.num()}));`;
        }],
        [1, () => {
          const g = this.fresh("g");
          const inner = this.sync(() => this.withScope(() => this.block(depth + 1)));
          return `log(${g}());\n${ind}function ${g}() {\n${inner}${ind}  return ${this.num()};\n${ind}}`;
        }],
        [1, () => {
          const items = this.one("items");
          if (!items) return `${this.call()};`;
          const name = this.pick(["item", "x", "state"]);
          return this.sync(() => this.withScope(() => { this.declare(name, "item"); return `${items}.forEach((${name}) => {\n${this.block(depth + 1)}${ind}});`; }));
        }],
        [0.7, () => {
          const data = this.one("data");
          if (!data) return `${this.call()};`;
          const city = this.scopes.at(-1).has("city") ? this.fresh("city") : "city";
          const first = this.fresh("first");
          this.declare(city, "str");
          this.declare(first, "str");
          return `const { profile: { city: ${city} } } = ${data}.user, [${first}] = ${data}.tags;\nlog(${city}, ${first});`.replace("\n", `\n${ind}`);
        }],
        [0.7, () => {
          const t = this.fresh("t");
          return `let ${t} = ${this.num()};\n${ind}${t} += ${this.num()};\n${ind}log(${t});`;
        }],
        [0.6, () => this.sync(() => `setTimeout(() => {\n${this.block(depth + 1)}${ind}}, ${this.int(0, 5)});`)],
        [0.8, () => this.nestedHandlerStmt(depth)],
        // writes to any captured identifier (a const throws; the transform must refuse: HC001)
        [0.25, () => {
          const targets = this.visible().filter((b) => ["num", "str", "key", "cellN", "fn", "voidFn"].includes(b.type) && !b.module);
          return targets.length && this.inHandler ? `${this.pick(targets).name} = ${this.num()};` : `log(7);`;
        }],
        // a name used before its own declaration in the same block (TDZ in both)
        [0.15, () => {
          const name = this.pick(["state", "count", "label", "x"]);
          return `try {\n${ind}  log(typeof ${name});\n${ind}  const ${name} = ${this.int(0, 9)};\n${ind}  log(${name});\n${ind}} catch (tdz) {\n${ind}  log(String(tdz).slice(0, 14));\n${ind}}`;
        }],
        [0.3, () => (this.functionComponent ? `log(arguments.length, typeof this);` : `log(typeof this);`)],
        [0.3, () => `console.log(params.v, TOTAL, clicks);`],
        // var hoisting: the var is the handler's own binding in the whole body
        [0.3, () => {
          const name = this.pick(["label", "count", "x", "total", "state"]);
          const v = this.num();
          return `if (${this.bool()}) {\n${ind}  var ${name} = ${v};\n${ind}}\n${ind}log(typeof ${name});`;
        }],
        // the global event (window.event) read in the body
        [0.4, () => (this.visible().some((b) => b.name === "event") ? `log(${this.num()});` : `log(typeof event, event === window.event);`)],
        [0.3, () => (this.visible().some((b) => b.name === "params") ? `log(${this.num()});` : `log(params.v);`)],
        [0.4, () => {
          const st = this.one("state");
          return st ? `log(typeof ${st}, "count" in ${st}, ${st}?.count?.get());` : `log(1);`;
        }],
        [0.3, () => {
          const data = this.one("data");
          return data ? `log(...${data}.tags, ${data}?.["user"]?.name);` : `log(2);`;
        }],
        [0.3, () => {
          const d = this.draftRoot();
          return d ? `log((${d}.n = ${this.num()}), ${d}.n, "k" in ${d}.obj);` : `log(3);`;
        }],
        [0.3, () => {
          const d = this.draftRoot();
          const k = this.one("key");
          return d && k ? `${d}.obj[${k}] = (${d}.obj[${k}] ?? 0) + 1;\n${ind}log(${d}.obj[${k}]);` : `log(4);`;
        }],
        [0.3, () => this.sync(() => `log([...(function* () {\n${ind}  yield ${this.num()};\n${ind}  yield ${this.str()};\n${ind}})()]);`)],
        [0.3, () => {
          const acc = this.one("acc");
          return acc ? `log(${acc} instanceof Object, Object.keys(${acc}).length);` : `log(5);`;
        }],
        [0.3, () => {
          const fnb = this.one("fn");
          return fnb ? `${fnb}?.(${this.num()});` : `log(6);`;
        }],
        [0.3, () => `label: for (const n of [1, 2, 3]) {\n${ind}  if (n > ${this.int(1, 3)}) break label;\n${ind}  log(n);\n${ind}}`],
        [0.2, () => `log(void 0, (${this.num()}, ${this.str()}));`],
        [0.2, () => {
          const cls = this.fresh("K");
          const body = this.sync(() => this.num());
          return `class ${cls} {\n${ind}  v = ${body};\n${ind}  get w() {\n${ind}    return this.v + 1;\n${ind}  }\n${ind}}\n${ind}log(new ${cls}().w);`;
        }],
        [0.4, () => `return ${this.value()};`],
      );
    }
    if (this.asyncDepth) {
      opts.push(
        [2, () => { const v = this.fresh("r"); this.declare(v, "str"); return `const ${v} = await ${this.one("api") || "api"}.load(${this.num()});\n${ind}log(${v});`; }],
        [1, () => `await null;`],
        [0.5, () => `log(await Promise.all([api.load(1), api.load(${this.num()})]));`],
      );
    }
    return this.weighted(opts)();
  }
  weighted(opts) {
    const total = opts.reduce((s, [w]) => s + w, 0);
    let x = this.r() * total;
    for (const [w, f] of opts) {
      x -= w;
      if (x <= 0) return f;
    }
    return opts[opts.length - 1][1];
  }
  // A nested (non-async) function: no await inside.
  sync(f) {
    const saved = this.asyncDepth;
    this.asyncDepth = false;
    try {
      return f();
    } finally {
      this.asyncDepth = saved;
    }
  }
  withScope(f) {
    this.push();
    try {
      return f();
    } finally {
      this.pop();
    }
  }
  // A block's statements (each removable), with a trailing newline.
  block(depth, n = this.int(1, 3)) {
    const ind = "  ".repeat(depth);
    const units = [];
    this.push();
    for (let i = 0; i < n; i++) units.push(this.R("stmt", ind, this.stmt(depth), "\n"));
    this.pop();
    return this.units(units);
  }
  // Blocks are returned as strings that embed their units: we keep a side
  // table and splice them back when the program is assembled.
  units(units) {
    const key = `\u0001${this.ids++}\u0001`;
    this.pending.set(key, units);
    return key;
  }
  nestedHandlerStmt(depth) {
    const api = this.one("api");
    if (!api || this.depth > 2) return `${this.call()};`;
    const saved = this.stableOnly;
    if (this.mode === "conforming") this.stableOnly = true;
    try {
      return `${api}.show(<button ${this.pick(EVENT_ATTRS)}={${this.handler(depth + 1)}}>inner</button>);`;
    } finally {
      this.stableOnly = saved;
    }
  }

  // --------------------------------------------------------------- handlers
  handler(depth = 2, extra = null) {
    this.depth += 1;
    const savedEvent = this.eventParam;
    const savedAsync = this.asyncDepth;
    this.inHandler += 1;
    this.push();
    try {
      const isAsync = this.chance(0.15);
      this.asyncDepth = isAsync;
      let params = "()";
      this.eventParam = null;
      const form = this.weighted([
        [4, "none"], [4, "e"], [1, "typed"], [1, "destructured"], [1, "optional"], [0.6, "generic"], [0.6, "shadow"],
        [0.25, "second"], [0.2, "rest"], [0.25, "default"],
      ]);
      switch (form) {
        case "e": params = "(e)"; this.eventParam = "e"; break;
        case "typed": params = "(ev: any): void"; this.eventParam = "ev"; break;
        case "destructured": params = "({ type })"; this.declare("type", "str"); break;
        case "optional": params = "(e?: any)"; this.eventParam = "e"; break;
        case "generic": params = "<T,>(e: T)"; break;
        case "shadow": {
          const name = this.pick(["state", "draft", "event", "params", "item", "data"]);
          params = `(${name})`;
          this.declare(name, "event");
          this.eventParam = name;
          break;
        }
        case "second": params = "(e, extra)"; this.eventParam = "e"; this.declare("extra", "num"); break;
        case "rest": params = "(...args)"; break;
        case "default": {
          const captured = this.visible().filter((b) => ["num", "str", "cellN"].includes(b.type) && !b.module);
          params = captured.length ? `(e = ${this.pick(captured).name})` : "(e = 1)";
          this.eventParam = null;
          break;
        }
      }
      if (extra) extra();
      const prefix = isAsync ? "async " : "";
      if (this.chance(0.35) && !isAsync) {
        // sometimes a body that captures nothing (params/event naming)
        const body = this.chance(0.1) ? `console.log(params.v, TOTAL, typeof event)` : this.chance(0.8) ? this.call() : this.draftWrite(true) || this.call();
        return `${prefix}${params} => ${body.startsWith("{") ? `(${body})` : body}`;
      }
      const ind = "  ".repeat(depth);
      const body = this.block(depth + 1, this.int(1, 4));
      return `${prefix}${params} => {\n${body}${ind}}`;
    } finally {
      this.pop();
      this.inHandler -= 1;
      this.eventParam = savedEvent;
      this.asyncDepth = savedAsync;
      this.depth -= 1;
    }
  }

  // ------------------------------------------------------------------ JSX
  attr(depth) {
    const name = this.pick(EVENT_ATTRS);
    let h = this.handler(depth);
    if (this.chance(0.05)) h = `(${h})`;
    return this.R("attr", ` ${name}={${h}}`);
  }
  jsxChild(depth) {
    const ind = "  ".repeat(depth);
    const opts = [
      [4, () => `<button${this.attrsStr(depth)}>{${this.str()}}</button>`],
      [2, () => `<Button label={${this.str()}}${this.attrsStr(depth)} />`],
      [2, () => {
        const items = this.one("items");
        if (!items) return `<i${this.attrsStr(depth)} />`;
        const name = this.pick(["item", "it", "state", "row"]);
        const idx = this.pick(["i", "index", "draft"]);
        return this.withScope(() => {
          this.declare(name, "item");
          this.declare(idx, "num");
          return `{${items}.map((${name}, ${idx}) => <li key={${name}.id}${this.attrsStr(depth + 1)}>{${name}.label}</li>)}`;
        });
      }],
      [1, () => {
        const data = this.one("data");
        if (!data) return `<i${this.attrsStr(depth)} />`;
        return this.withScope(() => {
          this.declare("tag", "str");
          return `{${data}.tags.map((tag) => <span key={tag}${this.attrsStr(depth + 1)}>{tag}</span>)}`;
        });
      }],
      [1, () => `{${this.bool()} && <b${this.attrsStr(depth)} />}`],
      [1, () => `{${this.bool()} ? <b${this.attrsStr(depth)} /> : <i${this.attrsStr(depth)} />}`],
      [1, () => `<List render={(row: any) => <em${this.withScope(() => { this.declare("row", "item"); return this.attrsStr(depth + 1); })}>{row.label}</em>} />`],
      [1, () => `<section${this.attrsStr(depth)}>\n${ind}  <button${this.attrsStr(depth + 1)}>x</button>\n${ind}</section>`],
      [1, () => `<Row label={${this.str()}} onPick={${this.handler(depth + 1)}} />`],
      [0.5, () => `<div {...{ onClick: () => log(${this.num()}) }} />`],
    ];
    for (const b of this.ofType("elements")) opts.push([2, () => `{${b.name}}`]);
    for (const b of this.ofType("localComponent")) opts.push([1.5, () => `<${b.name} label={${this.str()}} onPick={${this.handler(depth + 1)}} />`]);
    return this.R("child", ind, this.weighted(opts)(), "\n");
  }
  attrsStr(depth) {
    const n = this.weighted([[1, 0], [5, 1], [1, 2]]);
    const units = [];
    for (let i = 0; i < n; i++) units.push(this.attr(depth));
    return this.units(units);
  }

  // ------------------------------------------------------------ component
  component(index) {
    const name = `Comp${index}`;
    this.push();
    this.componentLets = [];
    // signature: destructured props, some renamed, or a props object
    const style = this.pick(["destructure", "destructure", "rename", "props"]);
    const lines = [];
    const ind = "  ";
    let sig;
    if (style === "props") {
      sig = "props: any";
      const picked = PROP_NAMES.filter(() => this.chance(0.8));
      for (const p of ["log", "api", ...picked]) if (!this.scopes.at(-1).has(p)) this.declare(p, PROP_TYPES[p]);
      lines.push(this.R("decl", ind, `const { ${[...this.scopes.at(-1).keys()].join(", ")} } = props;\n`));
    } else {
      const parts = [];
      for (const p of PROP_NAMES) {
        if (style === "rename" && ["state", "draft", "data"].includes(p) && this.chance(0.5)) {
          const alias = this.fresh(p.slice(0, 2));
          parts.push(`${p}: ${alias}`);
          this.declare(alias, PROP_TYPES[p]);
        } else {
          parts.push(p);
          this.declare(p, PROP_TYPES[p]);
        }
      }
      sig = `{ ${parts.join(", ")} }: any`;
    }
    // a function declared after the return (hoisted), usable everywhere
    const arrowStyle = index > 0 && this.chance(0.2);
    this.functionComponent = !arrowStyle;
    let late = null;
    if (this.chance(0.3)) {
      late = this.fresh("later");
      this.declare(late, "numFn");
    }
    // component-level declarations
    const n = this.int(1, 6);
    for (let i = 0; i < n; i++) lines.push(this.componentDecl());
    // the returned JSX
    const kids = [];
    const nk = this.int(1, 5);
    for (let i = 0; i < nk; i++) kids.push(this.jsxChild(3));
    const ret = this.N(`${ind}return (\n${ind}  <div>\n`, ...kids, `${ind}  </div>\n${ind});\n`);
    // statements after the JSX value was built (HC002 cases) go before return
    const after = this.afterStatements();
    const lateDecl = late ? [this.N(`${ind}function ${late}() {\n${ind}  return ${this.withScope(() => this.num())};\n${ind}}\n`)] : [];
    this.pop();
    const exportKw = index === 0 && this.chance(0.2) ? "export default function" : "export function";
    const head = arrowStyle ? `export const ${name} = (${sig}) => {\n` : `${exportKw} ${name}(${sig}) {\n`;
    return this.N(head, ...lines, ...after, ret, ...lateDecl, arrowStyle ? "};\n" : "}\n");
  }
  afterStatements() {
    const out = [];
    for (const l of this.componentLets) if (this.chance(0.3)) out.push(this.R("stmt", "  ", `${l.name} = ${this.num()};\n`));
    return out;
  }
  componentDecl() {
    const ind = "  ";
    const opts = [
      [2, () => { const v = this.fresh("n"); const e = this.num(); this.declare(v, "num"); return `const ${v} = ${e};`; }],
      [2, () => { const v = this.fresh("s"); const e = this.str(); this.declare(v, "str"); return `const ${v} = ${e};`; }],
      [1, () => { const v = this.fresh("k"); const e = this.keyExpr(); this.declare(v, "key"); return `const ${v} = ${e};`; }],
      [1.5, () => {
        const v = this.fresh("label");
        const init = this.str();
        const cond = this.bool();
        const later = this.str();
        const b = { name: v, type: "str" };
        this.declare(v, "str");
        this.componentLets.push(this.scopes.at(-1).get(v));
        return `let ${v} = ${init};\n${ind}if (${cond}) ${v} = ${later};`;
      }],
      [0.6, () => { const v = this.fresh("v"); const e = this.num(); this.declare(v, "num"); return `var ${v} = ${e};`; }],
      [1, () => {
        const st = this.one("state");
        if (!st) return `log(${this.num()});`;
        const alias = this.chance(0.5) && !this.scopes.at(-1).has("count") ? "count" : this.fresh("cnt");
        this.declare(alias, "cellN");
        return alias === "count" ? `const { count } = ${st};` : `const { count: ${alias} } = ${st};`;
      }],
      [1, () => {
        const data = this.one("data");
        if (!data) return `log(${this.num()});`;
        const u = this.scopes.at(-1).has("user") ? this.fresh("user") : "user";
        const c = this.fresh("city");
        this.declare(u, "user");
        this.declare(c, "str");
        return `const { user: ${u}, user: { profile: { city: ${c} } } } = ${data};`;
      }],
      [1, () => {
        const items = this.one("items");
        if (!items) return `log(${this.num()});`;
        const v = this.fresh("first");
        this.declare(v, "item");
        return `const [${v}] = ${items};`;
      }],
      [1.5, () => {
        // a helper: in conforming mode it only touches cells, callbacks and module state
        const v = this.fresh("helper");
        const saved = this.stableOnly;
        if (this.mode === "conforming") this.stableOnly = true;
        let body;
        try {
          body = this.withScope(() => this.pick([() => this.call(), () => this.cellTarget() || this.call(), () => `(clicks += 1)`, () => (this.mode === "free" ? this.draftWrite(true) : null) || this.call()])());
        } finally {
          this.stableOnly = saved;
        }
        this.declare(v, "voidFn");
        return `const ${v} = () => ${body.startsWith("{") ? `(${body})` : body};`;
      }],
      [1, () => {
        const v = this.fresh("describe");
        const body = this.withScope(() => { this.declare("x", "num"); return this.str(); });
        this.declare(v, "strFn");
        return `function ${v}(x: number) {\n${ind}  return ${body} + x;\n${ind}}`;
      }],
      [1, () => {
        const v = this.fresh("acc");
        this.declare(v, "acc");
        const cls = this.fresh("Acc");
        return `class ${cls} {\n${ind}  n = ${this.int(0, 3)};\n${ind}  #p = 1;\n${ind}  inc() {\n${ind}    this.n++;\n${ind}    this.#p += 2;\n${ind}    return this.n;\n${ind}  }\n${ind}  get p() {\n${ind}    return this.#p;\n${ind}  }\n${ind}  static peek(o: ${cls}) {\n${ind}    return o.#p;\n${ind}  }\n${ind}}\n${ind}const ${v} = new ${cls}();`;
      }],
      [0.4, () => {
        // a handler in an object method and in a class field
        const v = this.fresh("view");
        const el = this.attrsStr(3);
        const el2 = this.attrsStr(3);
        this.declare(v, "elements");
        const cls = this.fresh("Box");
        return `const ${v} = [{\n${ind}  render() {\n${ind}    return <p${el}>m</p>;\n${ind}  },\n${ind}}.render(), new (class ${cls} {\n${ind}  el = <p${el2}>f</p>;\n${ind}})().el];`;
      }],
      [1.2, () => {
        // elements built ahead (in loops and blocks), shown later
        const v = this.fresh("buttons");
        const items = this.one("items");
        const kind = this.pick(["forOf", "forLet", "block", "while", "forOfLet"]);
        let code;
        if (kind === "forOf" && items) {
          code = this.withScope(() => { this.declare("item", "item"); return `const ${v}: any[] = [];\n${ind}for (const item of ${items}) {\n${ind}  ${v}.push(<li${this.attrsStr(3)}>{item.label}</li>);\n${ind}}`; });
        } else if (kind === "forLet") {
          code = this.withScope(() => { this.declare("i", "num"); return `const ${v}: any[] = [];\n${ind}for (let i = 0; i < 2; i++) {\n${ind}  ${v}.push(<b${this.attrsStr(3)}>{i}</b>);\n${ind}}`; });
        } else if (kind === "while") {
          const j = this.fresh("j");
          code = this.withScope(() => { this.declare(j, "num"); return `const ${v}: any[] = [];\n${ind}let ${j} = 0;\n${ind}while (${j} < 2) {\n${ind}  ${v}.push(<b${this.attrsStr(3)}>{${j}}</b>);\n${ind}  ${j}++;\n${ind}}`; });
        } else if (kind === "forOfLet" && items) {
          const cur = this.fresh("cur");
          code = this.withScope(() => { this.declare(cur, "item"); return `const ${v}: any[] = [];\n${ind}let ${cur};\n${ind}for (${cur} of ${items}) {\n${ind}  ${v}.push(<li${this.attrsStr(3)}>{${cur}.label}</li>);\n${ind}}`; });
        } else {
          const shadow = this.pick(SHADOW_NAMES);
          code = this.withScope(() => {
            const init = this.num();
            this.declare(shadow, "num");
            return `const ${v}: any[] = [];\n${ind}{\n${ind}  const ${shadow} = ${init};\n${ind}  ${v}.push(<b${this.attrsStr(3)}>{${shadow}}</b>);\n${ind}}`;
          });
        }
        this.declare(v, "elements");
        return code;
      }],
      [0.5, () => {
        // TDZ: a const declared after the JSX that reads it (HC003)
        const v = this.fresh("early");
        const late = this.fresh("late");
        const code = this.withScope(() => { this.declare(late, "num"); return `const ${v} = <b${this.attrsStr(3)}>early</b>;\n${ind}const ${late} = ${this.num()};\n${ind}log(${late});`; });
        this.declare(v, "elements");
        return code;
      }],
      [0.6, () => {
        const v = this.fresh("Local");
        this.declare(v, "localComponent");
        const inner = this.withScope(() => {
          this.declare("label", "str");
          this.declare("onPick", "fn");
          return `<li${this.attrsStr(3)}>{label}</li>`;
        });
        return `const ${v} = ({ label, onPick }: any) => ${inner};`;
      }],
    ];
    if (this.mode === "free") {
      opts.push([1, () => {
        const d = this.one("draft");
        if (!d) return `log(1);`;
        const v = this.fresh("obj");
        this.declare(v, "objAlias");
        return `const ${v} = ${d}.obj;`;
      }]);
    }
    return this.R("decl", ind, this.weighted(opts)(), "\n");
  }

  classComponent(index) {
    const name = `Panel${index}`;
    const ind = "  ";
    this.push();
    this.declare("log", "fn");
    this.declare("draft", "draft");
    this.declare("api", "api");
    this.declare("self", "self");
    const extendsStub = this.chance(0.4);
    const h1 = this.handler(3);
    const kids = [
      this.R("child", `${ind}    `, `<button onClick={() => { this.count++; log(this.count, ${this.stableOnly ? 1 : "draft.n"}); }}>this</button>`, "\n"),
      this.R("child", `${ind}    `, `<button onClick={() => log(self.#secret, Panel${index}.peek(self))}>private</button>`, "\n"),
      this.R("child", `${ind}    `, `<button onClick={${h1}}>h</button>`, "\n"),
    ];
    if (extendsStub) kids.push(this.R("child", `${ind}    `, `<button onClick={() => this.setState({ n: arguments.length })}>base</button>`, "\n"));
    this.pop();
    return this.N(
      `export class ${name}${extendsStub ? " extends Component" : ""} {\n`,
      `${ind}count = 0;\n${ind}#secret = ${this.int(1, 9)};\n`,
      extendsStub ? "" : `${ind}props: any;\n${ind}constructor(props: any) {\n${ind}  this.props = props;\n${ind}}\n`,
      `${ind}static peek(o: ${name}) {\n${ind}  return o.#secret;\n${ind}}\n`,
      `${ind}render() {\n${ind}  const { log, draft, api } = this.props;\n${ind}  const self = this;\n${ind}  return (\n${ind}    <div>\n`,
      ...kids,
      `${ind}    </div>\n${ind}  );\n${ind}}\n}\n`,
    );
  }

  program(seed) {
    this.pending = new Map();
    this.push();
    // module scope: not captured
    const header = [
      `// generated: seed=${seed} mode=${this.mode}\n`,
      `import { Button, List, Component } from "./ui";\n`,
    ];
    const importStyle = this.weighted([[6, "none"], [1, "existing"], [1, "aliased"], [1, "other"]]);
    if (importStyle === "existing") header.push(`import { handler } from "commontools";\n`);
    if (importStyle === "aliased") header.push(`import { handler as h } from "commontools";\n`);
    if (importStyle === "other") header.push(`import { handler } from "./legacy";\nexport const legacy = typeof handler;\n`);
    if (importStyle === "none" && this.chance(0.15)) header.push(`function handler(x: unknown) {\n  return x;\n}\nexport const uses = handler(1);\n`);
    header.push(
      `const params = { v: ${this.int(1, 9)} };\n`,
      `const TOTAL = ${this.int(1, 5)};\n`,
      `let clicks = 0;\n`,
      `function bumpObj(o: any) {\n  o.k += 1;\n  return o.k;\n}\n`,
      `function fmtTag(s: TemplateStringsArray, ...v: unknown[]) {\n  return s.join("_") + v.length;\n}\n`,
      `function Row({ label, onPick }: any) {\n  return <li onClick={() => onPick(label, clicks)}>{label}</li>;\n}\n`,
    );
    // header declarations are removable too (the shrinker keeps those in use)
    const parts = header.map((h, i) => (i < 2 ? h : this.R("decl", h)));
    const count = this.int(1, 2);
    for (let i = 0; i < count; i++) parts.push(this.component(i));
    if (this.chance(0.25)) parts.push(this.classComponent(count));
    this.pop();
    return this.splice(this.N(...parts));
  }

  // Replaces the placeholder keys (blocks and attribute lists rendered into
  // strings) with their units, recursively.
  splice(t) {
    const re = /\u0001\d+\u0001/g;
    const fix = (part) => {
      if (typeof part !== "string") {
        part.parts = part.parts.flatMap(fix);
        return [part];
      }
      const out = [];
      let last = 0;
      for (const m of part.matchAll(re)) {
        if (m.index > last) out.push(part.slice(last, m.index));
        const units = this.pending.get(m[0]);
        for (const u of units) out.push(...fix(u));
        last = m.index + m[0].length;
      }
      if (last < part.length) out.push(part.slice(last));
      return out;
    };
    return fix(t)[0];
  }
}

export function generateProgram(seed, { mode = "conforming" } = {}) {
  const g = new Gen(seed, mode);
  const tree = g.program(seed);
  return { tree, props: PROPS, mode, seed };
}
