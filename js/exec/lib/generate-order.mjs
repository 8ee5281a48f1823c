// Seeded generator of evaluation-order programs: small components built from
// a catalogue of shapes where the order in which code RUNS differs from the
// order in which it is WRITTEN (BEHAVIOR.md section 4, "When the JSX is
// evaluated"), plus arrow heads with comments in every gap. Issue 11's
// findings 1-5, 9 and 20 are instances of these shapes.
//
//   generateOrderProgram(seed, { shapes }) -> { tree, props, mode, seed, family: "order", safe, shapes }
//   ORDER_SHAPES                           -> { name: { safe, build } }
//
// Example (shape "hoisted-tdz", seed-dependent details vary):
//
//   export function Order0(props: any) {
//     const { log, api, data, state } = props;
//     const el = Render();                 // the JSX runs here...
//     const x = { v: 4 };                  // ...before x is initialised
//     return <div>{el}</div>;
//     function Render() {
//       return <b onClick={() => log("h1", x.v)} />;
//     }
//   }
//
// Each handler body logs a marker string ("h1", "h2"...) first, so a run
// shows which handler did what. Shapes are of two kinds:
// - unsafe (`safe: false`): a rewrite that ignores evaluation order changes
//   the program (a TDZ error at render, a stale value, a name the params do
//   not pass). The transform must refuse the handler with a diagnostic, or
//   the execution harness must find no difference.
// - safe (`safe: true`): correct, common code that a conservative analysis
//   might refuse (a write after an early `return`, in the other branch, after
//   an `if (c) throw`; comments in an arrow head). Their markers are listed
//   in `program.safe`; fuzz-programs.mjs checks that every such handler IS
//   rewritten (the false-positive oracle), besides parsing, idempotence and
//   equivalence.
//
// Implementation notes: the program is a tree of Units (generate.mjs), so the
// shrinker and saveFinding work unchanged. Only statements that do not decide
// a shape's safety are removable (fillers, whole components), so a shrunk
// safe program is still safe. All randomness comes from mulberry32(seed).
import { mulberry32, PROPS, Unit } from "./generate.mjs";

class OrderGen {
  constructor(seed) {
    this.rng = mulberry32(seed);
    this.ids = 0;
    this.names = 0;
    this.markers = 0;
    this.safe = [];
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
  R(kind, ...parts) {
    return new Unit(this.ids++, true, parts, kind);
  }
  N(...parts) {
    return new Unit(this.ids++, false, parts, "fixed");
  }
  // A fresh handler marker (a string literal); safe ones are recorded.
  marker(safe) {
    this.markers += 1;
    const m = `h${this.markers}`;
    if (safe) this.safe.push(m);
    return JSON.stringify(m);
  }
  // A handler arrow whose body logs the marker and the given reads.
  arrow(safe, reads) {
    const m = this.marker(safe);
    const call = `log(${[m, ...reads].join(", ")})`;
    return this.pick([
      () => `() => ${call}`,
      () => `(e) => { e.preventDefault(); ${call}; }`,
      () => `async () => { await null; ${call}; }`,
      () => `() => { ${call}; log(${m}, "again"); }`,
    ])();
  }
  // A statement the shape does not depend on (removable).
  filler(ind) {
    const s = this.pick([
      () => `log("f", ${this.int(0, 9)});`,
      () => `api.track(String(data.title));`,
      () => `state.count.set(${this.int(0, 9)});`,
    ])();
    return this.R("stmt", ind, s, "\n");
  }
  fillers(ind, max = 2) {
    const out = [];
    for (let n = this.int(0, max); n > 0; n--) out.push(this.filler(ind));
    return out;
  }
  // A binding to close over: its declaration and how a handler reads it.
  binding(kinds = ["const", "let", "class", "destructured", "var"]) {
    const kind = this.pick(kinds);
    const n = this.int(1, 9);
    if (kind === "class") {
      const name = this.fresh("K");
      return { name, kind, decl: `class ${name} {\n    static v = ${n};\n  }`, read: `${name}.v` };
    }
    const name = this.fresh("x");
    if (kind === "destructured") return { name, kind, decl: `const { v: ${name} } = { v: ${n} };`, read: name };
    const obj = this.chance(0.5);
    return { name, kind, decl: `${kind} ${name} = ${obj ? `{ v: ${n} }` : n};`, read: obj ? this.pick([`${name}.v`, name]) : name };
  }
  // A condition from the props, true or false at run time.
  cond() {
    return this.pick(["data.title", "!data.title", "data.maybe", "!data.maybe", "state.flag.get()", "!state.flag.get()"]);
  }
}

// How a hoisted function holding the JSX is declared and called first.
//   decl(body) -> the declaration text; call -> an expression that runs it
function hoistedFunction(g, jsx) {
  const f = g.fresh("Render");
  return g.pick([
    () => ({ call: `${f}()`, decl: `function ${f}() {\n    return ${jsx};\n  }` }),
    () => ({ call: `${f}().next().value`, decl: `function* ${f}() {\n    yield ${jsx};\n  }` }),
    () => ({ call: `[...${f}()][0]`, decl: `function* ${f}() {\n    yield ${jsx};\n  }` }),
    () => ({ call: `(() => ${f}())()`, decl: `function ${f}() {\n    return ${jsx};\n  }` }),
  ])();
}

// Shapes. build(g) -> { params?, body: [Unit | string] } (the component's
// statements after `const { log, api, data, state } = props;`).
export const ORDER_SHAPES = {
  // Finding 1: a hoisted function (plain, generator, in a block) called
  // before the binding it closes over is initialised: TDZ at render.
  "hoisted-tdz": {
    safe: false,
    build(g) {
      const b = g.binding(["const", "let", "class", "destructured", "var"]);
      const h = hoistedFunction(g, `<b onClick={${g.arrow(false, [b.read])}} />`);
      if (g.chance(0.35)) {
        // declared in a nested block (block-scoped, hoisted within the block)
        return { body: [
          g.N("  let el: any;\n  {\n"),
          g.N(`    el = ${h.call};\n`), ...g.fillers("    "),
          g.N(`    ${b.decl.replace(/\n/g, "\n  ")}\n    ${h.decl.replace(/\n/g, "\n  ")}\n  }\n`),
          g.N("  return <div>{el}</div>;\n"),
        ] };
      }
      return { body: [
        g.N(`  const el = ${h.call};\n`), ...g.fillers("  "),
        g.N(`  ${b.decl}\n`), ...g.fillers("  "),
        g.N("  return <div>{el}</div>;\n"),
        g.N(`  ${h.decl}\n`),
      ] };
    },
  },
  // Finding 1, second half: a write between the first call and the
  // declaration runs after the JSX: the params hold a stale value.
  "hoisted-stale": {
    safe: false,
    build(g) {
      const v = g.fresh("v");
      const obj = g.chance(0.4);
      const read = obj ? `${v}.v` : v;
      const h = hoistedFunction(g, `<b onClick={${g.arrow(false, [read])}} />`);
      const write = obj
        ? g.pick([`${v} = { v: ${g.int(10, 19)} };`, `${v} = { ...${v}, v: 20 };`])
        : g.pick([`${v} = ${g.int(10, 19)};`, `${v}++;`, `${v} += 3;`, `[${v}] = [${g.int(20, 29)}];`]);
      return { body: [
        g.N(`  ${g.pick(["let", "var"])} ${v} = ${obj ? "{ v: 1 }" : "1"};\n`), ...g.fillers("  "),
        g.N(`  const el = ${h.call};\n`),
        g.N(`  ${write}\n`), ...g.fillers("  "),
        g.N("  return <div>{el}</div>;\n"),
        g.N(`  ${h.decl}\n`),
      ] };
    },
  },
  // Finding 2: a parameter default holding a handler that reads a later
  // parameter (parameters are initialised left to right).
  "param-default": {
    safe: false,
    build(g) {
      const later = g.fresh("later");
      const reads = [later];
      const jsx = `<button onClick={${g.arrow(false, reads)}}>x</button>`;
      return g.pick([
        // the component's own destructured props (`footer` is not passed)
        () => ({ params: `{ log, api, data, state, footer = ${jsx}, ${later} = ${g.int(1, 9)} }: any`, body: [
          ...g.fillers("  "),
          g.N("  return <div>{footer}</div>;\n"),
        ], noProps: true }),
        // a helper with positional parameters, called without arguments
        () => ({ body: [
          g.N(`  function make(el: any = ${jsx}, ${later} = ${g.int(1, 9)}) {\n    return el;\n  }\n`), ...g.fillers("  "),
          g.N("  return <div>{make()}</div>;\n"),
        ] }),
        // an arrow helper with a destructured parameter and a default
        () => ({ body: [
          g.N(`  const make = ({ el = ${jsx}, ${later} = ${g.int(1, 9)} }: any = {}) => el;\n`), ...g.fillers("  "),
          g.N("  return <div>{make()}</div>;\n"),
        ] }),
      ])();
    },
  },
  // Finding 4: a binding declared in a later `case` of the same switch,
  // reached by fall-through (not yet initialised at the JSX). Only the
  // closedness check of runtime.js sees a rewrite that forgets it.
  "switch-fallthrough": {
    safe: false,
    build(g) {
      const b = g.binding(["const", "let", "class"]);
      return { body: [
        g.N("  let el: any;\n"),
        g.N(`  switch (${g.pick(["1", "data.tags.length > 0 ? 1 : 2", "Number(!!data.title)"])}) {\n    case 1:\n`),
        g.N(`      el = <b onClick={${g.arrow(false, [b.read])}} />;\n`), ...g.fillers("      "),
        g.N(`    case 2: {\n      log("case 2");\n    }\n    case 3:\n      ${b.decl.replace(/\n/g, "\n    ")}\n      log(${b.read});\n  }\n`),
        g.N("  return <div>{el}</div>;\n"),
      ] };
    },
  },
  // Finding 5: a TypeScript enum declared again later in the function
  // (declaration merging adds members at that point). A computed member is
  // not inlined by esbuild, so the harness sees the difference.
  "merged-enum": {
    safe: false,
    build(g) {
      const E = g.fresh("E");
      const second = g.pick([`B = "xy".length`, `B = String(data.title).length + 1`, "B = 2"]);
      const read = g.pick([`${E}.B`, `${E}.A, ${E}.B`, `${E}[${E}.A]`, E]);
      return { body: [
        g.N(`  enum ${E} {\n    A = 1,\n  }\n`), ...g.fillers("  "),
        g.N(`  const el = <b onClick={${g.arrow(false, [read])}} />;\n`), ...g.fillers("  "),
        g.N(`  enum ${E} {\n    ${second},\n  }\n`),
        g.N("  return el;\n"),
      ] };
    },
  },
  // Finding 3: a constructor parameter property declared inside the handler
  // is the constructor's own binding, not a capture.
  "param-property": {
    safe: false,
    build(g) {
      const mod = g.pick(["public", "private", "readonly", "protected", "public readonly"]);
      const m = g.marker(false);
      const body = `{\n      class P {\n        constructor(${mod} x: number) {\n          log(${m}, x);\n        }\n      }\n      log((new P(${g.int(1, 9)}) as any).x);\n    }`;
      const outer = g.pick(["none", "before", "after"]);
      return { body: [
        outer === "before" ? g.N(`  const x = ${g.int(10, 19)};\n  log(x);\n`) : "",
        g.N(`  const el = <b onClick={() => ${body}} />;\n`), ...g.fillers("  "),
        outer === "after" ? g.N(`  const x = ${g.int(10, 19)};\n  log(x);\n`) : "",
        g.N("  return el;\n"),
      ] };
    },
  },
  // Findings 9 and 10: comments (some holding `(`, `)`, `=>`) in every gap
  // of an arrow head. Safe: the handler must be rewritten and stay so.
  "arrow-comments": {
    safe: true,
    build(g) {
      const b = g.binding(["const", "let"]);
      // a comment or nothing; line comments only where a line break may be
      // (not after `async`, not before `=>`)
      const c = (lineOk = false) =>
        g.chance(0.55) ? g.pick([" /* (1) */", " /* ( */", " /* ) => */", " /* c */", " /** @param e (x) */", " /* { */", ...(lineOk ? [" // (\n     ", " // ) =>\n     "] : [])]) : "";
      const m = g.marker(true);
      const call = `log(${m}, ${b.read})`;
      const form = g.pick(["parens", "parens", "bare", "typed", "generic"]);
      const isAsync = g.chance(0.5) ? `async${c()} ` : "";
      let head;
      if (form === "bare") head = `${isAsync}e${c()} =>`;
      else if (form === "typed") head = `${isAsync}(${c(true)}e${c(true)}: any${c(true)})${c()}: void${c()} =>`;
      else if (form === "generic") head = `${isAsync}<T,>(${c(true)}e: T${c(true)})${c()} =>`;
      else head = `${isAsync}(${c(true)}${g.chance(0.5) ? `e${c(true)}` : ""})${c()} =>`;
      const body = g.chance(0.5) ? `${c(true)} ${call}` : `${c(true)} {${c(true)} ${call};${c(true)} }`;
      return { body: [
        g.N(`  ${b.decl}\n`), ...g.fillers("  "),
        g.N(`  return <b onClick={${c(true)}${head}${body}${c(true)}} />;\n`),
      ] };
    },
  },
  // Finding 20: a write after an early `return` that holds the JSX cannot
  // run after the JSX. Safe.
  "early-return": {
    safe: true,
    build(g) {
      const label = g.fresh("label");
      const write = g.pick([`${label} = ${label}.toUpperCase();`, `${label} += "!";`, `${label} = "other";`]);
      return { body: [
        g.N(`  let ${label} = String(data.title);\n`), ...g.fillers("  "),
        g.N(`  if (${g.cond()}) return <i onClick={${g.arrow(true, [label])}} />;\n`),
        g.N(`  ${write}\n`), ...g.fillers("  "),
        g.N(`  return <b onClick={${g.arrow(true, [label])}}>{${label}}</b>;\n`),
      ] };
    },
  },
  // Finding 20: a write in the other branch of an if/else. Safe.
  "else-branch": {
    safe: true,
    build(g) {
      const label = g.fresh("label");
      const flip = g.chance(0.5);
      const jsxBranch = `    el = <i onClick={${g.arrow(true, [label])}} />;\n`;
      const writeBranch = `    ${label} = "other";\n    el = <b onClick={${g.arrow(true, [label])}}>{${label}}</b>;\n`;
      return { body: [
        g.N(`  let ${label} = String(data.title);\n  let el: any;\n`), ...g.fillers("  "),
        g.N(`  if (${g.cond()}) {\n${flip ? writeBranch : jsxBranch}  } else {\n${flip ? jsxBranch : writeBranch}  }\n`),
        g.N("  return el;\n"),
      ] };
    },
  },
  // Finding 20: a write after an `if (c) throw` that holds the JSX. Safe.
  "throw-after": {
    safe: true,
    build(g) {
      const label = g.fresh("label");
      return { body: [
        g.N(`  let ${label} = String(data.title);\n`),
        g.N(`  try {\n    if (${g.cond()}) throw <i onClick={${g.arrow(true, [label])}} />;\n    ${label} = ${label} + "!";\n`),
        ...g.fillers("    "),
        g.N(`  } catch (thrown) {\n    return thrown;\n  }\n`),
        g.N(`  return <b>{${label}}</b>;\n`),
      ] };
    },
  },
  // All writes before the JSX (also in a loop and a branch before it). Safe.
  "write-before": {
    safe: true,
    build(g) {
      const n = g.fresh("n");
      return { body: [
        g.N(`  let ${n} = 1;\n`),
        g.N(`  if (${g.cond()}) ${n} = 2;\n`),
        g.N(`  for (const t of data.tags) ${n} += t.length;\n`), ...g.fillers("  "),
        g.N(`  return <b onClick={${g.arrow(true, [n])}} />;\n`),
      ] };
    },
  },
  // A hoisted render function called only after every binding it reads is
  // initialised and written (common React style). Safe.
  "hoisted-after-init": {
    safe: true,
    build(g) {
      const b = g.binding(["const", "let", "class", "destructured"]);
      const h = hoistedFunction(g, `<b onClick={${g.arrow(true, [b.read])}} />`);
      return { body: [
        g.N(`  ${b.decl}\n`), ...g.fillers("  "),
        g.N(`  return <div>{${h.call}}</div>;\n`),
        g.N(`  ${h.decl}\n`),
      ] };
    },
  },
  // A function declared in a later case is hoisted to the switch block
  // (initialised on entry), but SWC's resolver does not resolve a use written
  // before it, so the transform cannot pass it: it must refuse (HC003) or
  // behave the same. Not safe (a rewrite that does not pass it is not closed).
  "switch-function": {
    safe: false,
    build(g) {
      const f = g.fresh("later");
      return { body: [
        g.N("  let el: any;\n  switch (1) {\n    case 1:\n"),
        g.N(`      el = <b onClick={${g.arrow(false, [`${f}()`])}} />;\n`),
        g.N(`    case 2:\n      function ${f}() {\n        return ${g.int(1, 9)};\n      }\n  }\n`),
        g.N("  return el;\n"),
      ] };
    },
  },
};

export const ORDER_SHAPE_NAMES = Object.keys(ORDER_SHAPES);

// shapes: names from ORDER_SHAPES (default: all). Each program has 1-3
// components, each one shape.
export function generateOrderProgram(seed, { shapes = ORDER_SHAPE_NAMES } = {}) {
  const unknown = shapes.filter((s) => !ORDER_SHAPES[s]);
  if (unknown.length) throw new Error(`unknown shape ${unknown.join(", ")} (known: ${ORDER_SHAPE_NAMES.join(", ")})`);
  const g = new OrderGen(seed);
  const used = [];
  const parts = [
    `// generated: seed=${seed} family=order\n`,
    `const params = { v: ${g.int(1, 9)} };\n`,
  ];
  const count = g.int(1, 3);
  for (let i = 0; i < count; i++) {
    const name = g.pick(shapes);
    used.push(name);
    const shape = ORDER_SHAPES[name].build(g);
    const head = `// shape: ${name}\nexport function Order${i}(${shape.params || "props: any"}) {\n`;
    const props = shape.noProps ? "" : "  const { log, api, data, state } = props;\n";
    parts.push(g.R("decl", head, props, ...shape.body, "}\n"));
  }
  return { tree: g.N(...parts), props: PROPS, mode: "conforming", seed, family: "order", safe: g.safe, shapes: used };
}
