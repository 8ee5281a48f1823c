// The world a module runs in during an execution-equivalence run.
//
// This file is a plain script evaluated INSIDE each fresh `vm` context (see
// harness.mjs), so every object it makes belongs to the same realm as the
// module under test (`instanceof Array`, promises and microtasks all behave
// as in one program). It defines `globalThis.__hc`, which the harness drives
// one step at a time through `vm.runInContext` with a time limit.
//
// Everything observable goes into `__hc.out` (a list of strings): calls to
// stubs and recording callbacks, writes to auto values, console output,
// timers, rendered trees, handler results, thrown errors, state snapshots.
// Two runs (original, transformed) behave the same iff their lists are equal.
//
// Property READS are deliberately not recorded: the transform moves reads of
// captured paths from event time to render time (BEHAVIOR.md section 0),
// which is exactly the difference the runtime model allows.
"use strict";
(function () {
  const out = [];
  const emit = (line) => {
    out.push(line);
    if (out.length > 20000) throw new Error("__hc: transcript too long (runaway program?)");
  };

  // ---------------------------------------------------------------- values
  const AUTO = new WeakMap(); // proxy -> node
  const autos = new Map(); // path -> proxy (identity stable per path)
  const DELETED = Symbol("deleted");
  const ELEMENT = Symbol.for("hc.element");
  const Fragment = Symbol.for("hc.fragment");
  // Elements handed to stubs (`dialog.show(<b onClick/>)`, `render(<App/>)`):
  // their handlers fire too. Those handed over while rendering belong to that
  // render; those handed over at load, in an event or a timer stay open (as a
  // dialog would) until the end of the run, at most MAX_OPEN of them.
  let renderPortals = [];
  const openPortals = [];
  const MAX_OPEN = 20;
  let rendering = false;
  function portal(el) {
    if (rendering) renderPortals.push(el);
    else if (openPortals.length < MAX_OPEN) openPortals.push(el);
  }

  // Array methods an auto value answers as a two-element list ([x[0], x[1]]).
  const LIST_METHODS = new Set([
    "map", "forEach", "filter", "find", "findIndex", "findLast", "findLastIndex", "some", "every",
    "reduce", "reduceRight", "flatMap", "flat", "join", "slice", "at", "includes", "indexOf",
    "lastIndexOf", "entries", "keys", "values", "concat", "toSorted", "toReversed",
  ]);

  function isAuto(v) {
    return (typeof v === "function" || (typeof v === "object" && v !== null)) && AUTO.has(v);
  }

  function elementsIn(v, depth, found) {
    if (depth > 3 || v === null || typeof v !== "object") return found;
    if (v[ELEMENT]) {
      found.push(v);
      return found;
    }
    if (isAuto(v)) return found;
    if (Array.isArray(v)) for (const x of v) elementsIn(x, depth + 1, found);
    else if (Object.getPrototypeOf(v) === Object.prototype)
      for (const k of Object.keys(v)) elementsIn(v[k], depth + 1, found);
    return found;
  }

  // An "auto" value: answers any use. Property reads give child autos (the
  // same object for the same path), calls are recorded and give the child
  // `path(args)`, writes and deletes are recorded and remembered, iteration
  // gives two children, numbers read as 2. `x.set(v)` / `x.get()` act as a
  // cell: get returns the last value set on the same node.
  function auto(path) {
    const known = autos.get(path);
    if (known) return known;
    const node = { path, writes: new Map(), cell: undefined, hasCell: false, parent: null, key: null };
    const target = function () {};
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        if (node.writes.has(key)) {
          const v = node.writes.get(key);
          return v === DELETED ? undefined : v;
        }
        if (typeof key === "symbol") {
          if (key === Symbol.toPrimitive)
            return (hint) => (hint === "string" ? `⟨${path}⟩` : 2);
          if (key === Symbol.iterator)
            return function* () {
              yield receiverChild(proxy, "0");
              yield receiverChild(proxy, "1");
            };
          return undefined;
        }
        if (key === "then" || key === "toJSON" || key === "$$typeof" || key === "constructor") return undefined;
        if (key === "length") return 2;
        if (key === "type" && node.preset !== undefined) return node.preset;
        if (key === "__esModule") return undefined;
        return child(node, proxy, key);
      },
      set(t, key, value) {
        if (typeof key === "symbol") return true;
        emit(`set ${path}.${String(key)} = ${ser(value)}`);
        node.writes.set(key, value);
        return true;
      },
      deleteProperty(t, key) {
        if (typeof key === "symbol") return true;
        emit(`delete ${path}.${String(key)}`);
        node.writes.set(key, DELETED);
        return true;
      },
      defineProperty(t, key, desc) {
        if (key === "prototype") return Reflect.defineProperty(t, key, desc);
        if (typeof key !== "symbol") {
          emit(`define ${path}.${String(key)} = ${ser(desc.value)}`);
          node.writes.set(key, desc.value);
        }
        return true;
      },
      has(t, key) {
        if (typeof key === "symbol") return false;
        if (node.writes.has(key)) return node.writes.get(key) !== DELETED;
        return true;
      },
      ownKeys(t) {
        const keys = ["prototype"];
        for (const [k, v] of node.writes) if (v !== DELETED && k !== "prototype") keys.push(k);
        return keys;
      },
      getOwnPropertyDescriptor(t, key) {
        if (key === "prototype") return Reflect.getOwnPropertyDescriptor(t, key);
        if (node.writes.has(key) && node.writes.get(key) !== DELETED)
          return { value: node.writes.get(key), writable: true, enumerable: true, configurable: true };
        return undefined;
      },
      apply(t, thisArg, args) {
        return callAuto(node, proxy, args);
      },
      construct(t, args, newTarget) {
        emit(`new ${path}(${args.map((a) => ser(a)).join(", ")})`);
        for (const a of args) for (const el of elementsIn(a, 0, [])) portal(el);
        if (newTarget === proxy) return auto(`new ${path}(${args.map((a) => ser(a, 2)).join(", ")})`);
        // `class X extends Stub` calling super(props): an instance of X that
        // remembers its props, as a component base class would.
        const self = Reflect.construct(function () {}, [], newTarget);
        if (args.length > 0) self.props = args[0];
        return self;
      },
    });
    AUTO.set(proxy, node);
    autos.set(path, proxy);
    return proxy;
  }

  function receiverChild(proxy, key) {
    return proxy[key];
  }

  function child(node, proxy, key) {
    const c = auto(`${node.path}.${key}`);
    const cn = AUTO.get(c);
    cn.parent = node;
    cn.parentProxy = proxy;
    cn.key = key;
    return c;
  }

  function callAuto(node, proxy, args) {
    const parent = node.parent;
    const key = node.key;
    const shown = args.map((a) => ser(a)).join(", ");
    for (const a of args) for (const el of elementsIn(a, 0, [])) portal(el);
    if (parent && key === "set" && args.length === 1) {
      emit(`call ${node.path}(${shown})`);
      parent.cell = args[0];
      parent.hasCell = true;
      return undefined;
    }
    if (parent && key === "get" && args.length === 0 && parent.hasCell) {
      emit(`call ${node.path}() -> ${ser(parent.cell)}`);
      return parent.cell;
    }
    if (parent && LIST_METHODS.has(key)) {
      emit(`call ${node.path}(${shown})`);
      const list = [node.parentProxy[0], node.parentProxy[1]];
      return Array.prototype[key].apply(list, args);
    }
    emit(`call ${node.path}(${shown})`);
    return auto(`${node.path}(${args.map((a) => ser(a, 2)).join(", ")})`);
  }

  // ------------------------------------------------------ recording values
  // Used by generated programs and props files for concrete state.
  class Cell {
    #name;
    #value;
    constructor(name, value) {
      this.#name = name;
      this.#value = value;
    }
    get() {
      return this.#value;
    }
    set(v) {
      emit(`cell ${this.#name}.set(${ser(v)})`);
      this.#value = v;
    }
    update(f) {
      this.set(f(this.#value));
    }
    toString() {
      return `Cell(${this.#name})`;
    }
    get [Symbol.toStringTag]() {
      return `Cell ${this.#name}=${ser(this.#value, 3)}`;
    }
  }

  // A recording callback: logs its arguments, returns `ret` (or name#k).
  function fn(name, ret) {
    let calls = 0;
    const f = function (...args) {
      calls += 1;
      emit(`call ${name}(${args.map((a) => ser(a)).join(", ")})`);
      for (const a of args) for (const el of elementsIn(a, 0, [])) portal(el);
      if (typeof ret === "function") return ret(...args);
      return ret === undefined ? `${name}#${calls}` : ret;
    };
    Object.defineProperty(f, "name", { value: name });
    return f;
  }

  // A recording async callback: resolves to `${name}#k` after a microtask.
  function asyncFn(name) {
    const f = fn(name);
    const g = (...args) => Promise.resolve().then(() => f(...args));
    Object.defineProperty(g, "name", { value: name });
    return g;
  }

  // -------------------------------------------------------------- serialise
  function ser(v, depth = 5, seen = new Set()) {
    if (v === undefined) return "undefined";
    if (v === null) return "null";
    switch (typeof v) {
      case "number":
        return Object.is(v, -0) ? "-0" : String(v);
      case "bigint":
        return `${v}n`;
      case "boolean":
        return String(v);
      case "string":
        return JSON.stringify(v.length > 300 ? v.slice(0, 300) + "…" : v);
      case "symbol":
        return v === Fragment ? "Fragment" : `Symbol(${v.description ?? ""})`;
    }
    if (isAuto(v)) return `⟨${AUTO.get(v).path}⟩`;
    if (typeof v === "function") {
      if (/^class\b/.test(Function.prototype.toString.call(v))) return `[class ${v.name}]`;
      return "[fn]";
    }
    if (depth <= 0) return "…";
    if (seen.has(v)) return "[cycle]";
    seen.add(v);
    try {
      if (v[ELEMENT]) return serElement(v, depth, seen);
      if (v instanceof Cell) return v[Symbol.toStringTag];
      if (v instanceof Promise) return "[Promise]";
      if (v instanceof Error) return `${v.name}(${JSON.stringify(v.message)})`;
      if (Array.isArray(v)) return `[${v.map((x) => ser(x, depth - 1, seen)).join(", ")}]`;
      if (v instanceof Map)
        return `Map{${[...v].map(([k, x]) => `${ser(k, depth - 1, seen)} => ${ser(x, depth - 1, seen)}`).join(", ")}}`;
      if (v instanceof Set) return `Set{${[...v].map((x) => ser(x, depth - 1, seen)).join(", ")}}`;
      if (v instanceof Date) return `Date(${v.getTime()})`;
      const proto = Object.getPrototypeOf(v);
      let tag = "";
      if (proto !== null && proto !== Object.prototype) {
        if (isAuto(proto)) tag = `<${AUTO.get(proto).path}>`;
        else tag = (proto.constructor && proto.constructor.name) || "?";
      }
      const keys = Reflect.ownKeys(v).filter((k) => typeof k === "string" && Object.getOwnPropertyDescriptor(v, k).enumerable);
      const body = keys.map((k) => {
        const d = Object.getOwnPropertyDescriptor(v, k);
        return `${k}: ${"value" in d ? ser(d.value, depth - 1, seen) : "[getter]"}`;
      });
      return `${tag}{${body.join(", ")}}`;
    } finally {
      seen.delete(v);
    }
  }

  function typeName(type) {
    if (typeof type === "string") return type;
    if (type === Fragment) return "Fragment";
    if (isAuto(type)) return AUTO.get(type).path;
    if (typeof type === "function") return `fn:${type.name || "anonymous"}`;
    return ser(type, 1);
  }

  function serElement(el, depth, seen) {
    const props = Object.keys(el.props)
      .map((k) => `${k}=${ser(el.props[k], depth - 1, seen)}`)
      .join(" ");
    const kids = el.children.map((c) => ser(c, depth - 1, seen)).join(" ");
    return `<${typeName(el.type)}${props ? " " + props : ""}>${kids}</>`;
  }

  // -------------------------------------------------------------------- JSX
  function jsx(type, props, ...children) {
    return { [ELEMENT]: true, type, props: props || {}, children };
  }

  // --------------------------------------------------------------- modules
  const modules = new Map();
  let helper = { module: null, name: "handler" };
  // The reference runtime of BEHAVIOR.md section 0, with one more check: a
  // rewritten handler must be closed (everything it reads from enclosing
  // functions comes through its params), so the runtime calls a copy of it
  // re-evaluated from its source text in the module's top-level scope
  // (`moduleEval`, installed by the harness after the module body). A name
  // the transform failed to pass throws a ReferenceError at the event
  // instead of being read through the closure. Arrows that use `this`,
  // `arguments`, `super`, `new.target` (HC007: they stay bound to the
  // enclosing function) or private names (`#x`, valid only in their class)
  // are called as they are.
  let moduleEval = null;
  const closedCopies = new Map(); // source text -> re-evaluated function
  function closedCopy(fn) {
    const source = Function.prototype.toString.call(fn);
    if (!moduleEval || /\bthis\b|\barguments\b|\bsuper\b|\bnew\.target\b|#/.test(source)) return fn;
    if (!closedCopies.has(source)) {
      let copy = fn;
      try {
        copy = moduleEval(`(${source})`);
      } catch {
        /* not an expression on its own (a method): call the original */
      }
      closedCopies.set(source, copy);
    }
    return closedCopies.get(source);
  }
  const handlerRuntime = (fn) => {
    const closed = closedCopy(fn);
    return (params) => (event) => closed(event, params);
  };

  // The helper module: `helperModule` when set, else either runtime module
  // the transform may pick (BEHAVIOR.md section 2: the one the file already
  // imports from, `commonfabric` or `commontools`).
  const RUNTIME_MODULES = ["commontools", "commonfabric"];
  // The registry function of `hoist` with `registry` (BEHAVIOR.md section 5)
  // is build-time metadata, not behaviour: it records nothing, but a call
  // that does not register binders (a module id and an object of functions)
  // is reported, so a wrong registry call shows as a difference.
  let registry = null;
  function registryRuntime(id, entries) {
    const bad = typeof id !== "string" || !entries || typeof entries !== "object" ||
      Object.keys(entries).some((k) => typeof entries[k] !== "function");
    if (bad) emit(`registry ${registry.module}.${registry.name} called with ${ser(id)}, ${ser(entries, 2)}`);
  }
  function require(spec) {
    if (modules.has(spec)) return modules.get(spec);
    const mod = Object.create(auto(spec));
    Object.defineProperty(mod, "__esModule", { value: true });
    if (helper.module ? spec === helper.module : RUNTIME_MODULES.includes(spec))
      Object.defineProperty(mod, helper.name, { value: handlerRuntime, enumerable: true });
    // `/** @jsx h */` with `import { h } from "preact"`: the harness's JSX
    // factory, so such modules render.
    if (spec === "preact") {
      Object.defineProperty(mod, "h", { value: jsx, enumerable: true });
      Object.defineProperty(mod, "Fragment", { value: Fragment, enumerable: true });
    }
    if (registry && spec === registry.module && !Object.prototype.hasOwnProperty.call(mod, registry.name))
      Object.defineProperty(mod, registry.name, { value: registryRuntime, enumerable: true });
    modules.set(spec, mod);
    return mod;
  }

  // ---------------------------------------------------------------- timers
  let timerSeq = 0;
  let timers = [];
  function setTimeout(cb, ms = 0, ...args) {
    const id = ++timerSeq;
    emit(`setTimeout #${id} ${ser(ms)}`);
    timers.push({ id, cb, args, repeat: 0 });
    return id;
  }
  function setInterval(cb, ms = 0, ...args) {
    const id = ++timerSeq;
    emit(`setInterval #${id} ${ser(ms)}`);
    timers.push({ id, cb, args, repeat: 2 });
    return id;
  }
  function clearTimer(id) {
    emit(`clearTimer #${ser(id)}`);
    timers = timers.filter((t) => t.id !== id);
  }
  function runTimers() {
    for (let n = 0; n < 50 && timers.length > 0; n++) {
      const t = timers.shift();
      emit(`timer #${t.id}`);
      if (t.repeat > 0) timers.push({ ...t, repeat: t.repeat - 1 });
      guard(`timer #${t.id}`, () => (typeof t.cb === "function" ? t.cb(...t.args) : undefined));
    }
    if (timers.length > 0) emit(`timers left: ${timers.length}`);
    timers = [];
  }

  // ----------------------------------------------------------------- globals
  // Host globals a component may use: auto values (recorded when called).
  const BROWSER_GLOBALS = [
    "window", "document", "navigator", "location", "history", "localStorage", "sessionStorage",
    "fetch", "performance", "event", "URL", "URLSearchParams", "FormData", "Headers", "Request",
    "Response", "AbortController", "Event", "CustomEvent", "KeyboardEvent", "MouseEvent",
    "HTMLElement", "HTMLInputElement", "Element", "Node", "IntersectionObserver", "ResizeObserver",
    "MutationObserver", "getComputedStyle", "matchMedia", "crypto", "process", "structuredClone",
    "TextEncoder", "TextDecoder", "Blob", "File", "FileReader", "Image", "Audio", "WebSocket",
    "EventSource", "BroadcastChannel", "Worker", "customElements", "screen", "open", "close",
    "scrollTo", "print", "atob", "btoa",
  ];

  function installGlobals(seed, declared) {
    const g = globalThis;
    const logTo = (name) => (...args) => emit(`${name} ${args.map((a) => ser(a)).join(" ")}`);
    g.console = {
      log: logTo("console.log"), info: logTo("console.info"), warn: logTo("console.warn"),
      error: logTo("console.error"), debug: logTo("console.debug"), trace: logTo("console.trace"),
    };
    g.alert = fn("alert", undefined);
    g.confirm = fn("confirm", true);
    g.prompt = fn("prompt", "answer");
    g.setTimeout = setTimeout;
    g.setInterval = setInterval;
    g.clearTimeout = clearTimer;
    g.clearInterval = clearTimer;
    g.requestAnimationFrame = (cb) => setTimeout(cb, 16);
    g.cancelAnimationFrame = clearTimer;
    g.queueMicrotask = (cb) => Promise.resolve().then(cb);
    for (const name of BROWSER_GLOBALS) g[name] = auto(name);
    for (const name of declared) g[name] = auto(name);
    // Deterministic clock and randomness.
    const RealDate = Date;
    const NOW = 1700000000000;
    class FixedDate extends RealDate {
      constructor(...a) {
        if (a.length === 0) super(NOW);
        else super(...a);
      }
      static now() {
        return NOW;
      }
    }
    g.Date = FixedDate;
    let s = seed >>> 0 || 1;
    Math.random = () => {
      s ^= s << 13; s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5; s >>>= 0;
      return s / 4294967296;
    };
  }

  // -------------------------------------------------------------- rendering
  let handlers = []; // [{label, fn}]
  let renderCount = 0;

  function guard(label, f) {
    try {
      return { ok: true, value: f() };
    } catch (e) {
      emit(`THROW in ${label}: ${describeError(e)}`);
      return { ok: false };
    }
  }

  // esbuild may rename a shadowing local differently in the two compiled
  // modules (draft2 / draft3), or not at all once a hoisted callback no
  // longer sits inside the function it shadowed (draft2 / draft), and V8
  // quotes names and source text in its messages: identifiers' numeric
  // suffixes are dropped (`draft2` reads `draft`, as `draft` does).
  function describeError(e) {
    if (e && typeof e === "object" && "message" in e)
      return `${e.name || "Error"}: ${String(e.message).replace(/\b([A-Za-z_$][A-Za-z_$]*)\d+\b/g, "$1")}`;
    return `thrown ${ser(e)}`;
  }

  function isClass(f) {
    return typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f));
  }

  // Renders a value into a plain tree (strings), collecting on* handlers in
  // document order. Local function components are called, class components
  // instantiated and rendered, and function-valued props and children of
  // other elements (render props) are called with auto arguments.
  function renderNode(v, where, depth) {
    if (depth > 40) return "…depth…";
    if (Array.isArray(v)) return v.map((x, i) => renderNode(x, `${where}[${i}]`, depth + 1));
    if (v === null || typeof v !== "object" || !v[ELEMENT]) {
      if (typeof v === "function" && !isAuto(v)) return "[fn]";
      return ser(v, 3);
    }
    const el = v;
    const name = typeName(el.type);
    const here = `${where}/${name}`;
    const props = {};
    for (const key of Object.keys(el.props)) {
      const value = el.props[key];
      if (typeof value === "function" && !isAuto(value)) {
        if (key.startsWith("on")) {
          handlers.push({ label: `${here}.${key}`, fn: value });
          props[key] = `[handler #${handlers.length - 1}]`;
        } else if (typeof el.type === "function" && !isAuto(el.type)) {
          props[key] = "[fn]";
        } else {
          const r = guard(`${here}.${key}()`, () => value(auto(`${here}.${key}.arg0`), 0));
          props[key] = r.ok ? { renderProp: renderNode(r.value, `${here}.${key}()`, depth + 1) } : "[threw]";
        }
      } else {
        props[key] = key === "children" ? renderNode(value, `${here}.children`, depth + 1) : ser(value, 3);
      }
    }
    const children = el.children.map((c, i) => {
      if (typeof c === "function" && !isAuto(c)) {
        const r = guard(`${here}>${i}()`, () => c(auto(`${here}>${i}.arg0`), 0));
        return r.ok ? { renderChild: renderNode(r.value, `${here}>${i}()`, depth + 1) } : "[threw]";
      }
      return renderNode(c, `${here}>${i}`, depth + 1);
    });
    const node = { type: name, props, children };
    if (typeof el.type === "function" && !isAuto(el.type)) {
      const p = { ...el.props };
      if (el.children.length > 0) p.children = el.children.length === 1 ? el.children[0] : el.children;
      const r = guard(`render ${here}`, () => callComponent(el.type, p));
      node.rendered = r.ok ? renderNode(r.value, here, depth + 1) : "[threw]";
    }
    return node;
  }

  function callComponent(C, props) {
    if (isClass(C)) {
      const inst = new C(props);
      if (inst && inst.props === undefined) inst.props = props;
      // props also as render's argument: a class whose render destructures
      // its parameter (`render({ s })`) renders too; React's ignore it.
      return typeof inst.render === "function" ? inst.render(props) : inst;
    }
    return C(props);
  }

  // ------------------------------------------------------------ the driver
  const hc = {
    out,
    emit,
    ser,
    auto,
    fn,
    asyncFn,
    cell: (name, value) => new Cell(name, value),
    Cell,
    jsx,
    Fragment,
    require,
    handler: handlerRuntime,
    // Called by the module wrapper (harness.mjs) with `(s) => eval(s)` from
    // the module's top-level scope.
    moduleScope(evaluate) {
      moduleEval = evaluate;
    },
    // set up: helper module, seed
    setup(options) {
      helper = { module: options.helperModule || null, name: options.helperName || "handler" };
      registry = options.registry && options.registry.module && options.registry.name ? options.registry : null;
      installGlobals(options.seed || 1, options.globals || []);
    },
    exports: null,
    props: null,
    // Loads the compiled CommonJS module (a function taking the usual
    // arguments plus the JSX factory and fragment).
    load(factory) {
      const module = { exports: {} };
      const r = guard("module load", () => factory(module.exports, require, module, jsx, Fragment));
      hc.exports = module.exports;
      emit(`loaded: ${r.ok ? "ok" : "threw"}; exports ${Object.keys(module.exports).join(",")}`);
      runTimers();
    },
    setProps(props) {
      hc.props = props;
    },
    // Renders every export: functions and classes are rendered with the
    // props; other values are shown (and their elements rendered).
    render() {
      renderCount += 1;
      handlers = [];
      renderPortals = [];
      rendering = true;
      const tree = {};
      const exp = hc.exports || {};
      for (const key of Object.keys(exp)) {
        const value = exp[key];
        if (typeof value === "function" && !isAuto(value)) {
          const r = guard(`render export ${key}`, () => callComponent(value, hc.props));
          tree[key] = r.ok ? renderNode(r.value, key, 0) : "[threw]";
        } else if (value && typeof value === "object" && elementsIn(value, 0, []).length > 0) {
          tree[key] = renderNode(value, key, 0);
        } else if (value && typeof value === "object" && !isAuto(value) && Object.getPrototypeOf(value) === Object.prototype &&
          Object.keys(value).some((k) => typeof value[k] === "function" && !isAuto(value[k]))) {
          // An object of components (a namespace's exports, `{ main({ state }) {...} }`):
          // each function member is rendered with the props, called as a method.
          const members = {};
          for (const k of Object.keys(value)) {
            const f = value[k];
            if (typeof f !== "function" || isAuto(f)) members[k] = ser(f, 3);
            else {
              const r = guard(`render export ${key}.${k}`, () => (isClass(f) ? callComponent(f, hc.props) : value[k](hc.props)));
              members[k] = r.ok ? renderNode(r.value, `${key}.${k}`, 0) : "[threw]";
            }
          }
          tree[key] = members;
        } else {
          tree[key] = ser(value, 3);
        }
      }
      const shown = renderPortals;
      if (shown.length > 0) tree["(render portals)"] = shown.map((el, i) => renderNode(el, `portal${i}`, 0));
      if (openPortals.length > 0) tree["(open portals)"] = openPortals.map((el, i) => renderNode(el, `open${i}`, 0));
      rendering = false;
      runTimers();
      emit(`render #${renderCount}: ${JSON.stringify(tree)}`);
      emit(`state: ${hc.snapshot()}`);
      emit(`handlers: ${handlers.map((h) => h.label).join(" | ")}`);
      return handlers.length;
    },
    handlerCount() {
      return handlers.length;
    },
    // Fires handler i (of the latest render) with a synthetic event. Async
    // results are settled inside the same step (microtasks run before the
    // harness's runInContext returns), then timers run.
    fire(i, n) {
      const h = handlers[i];
      if (!h) {
        emit(`fire ${i}: no such handler`);
        return;
      }
      emit(`fire ${i} ${h.label}`);
      const name = h.label.slice(h.label.lastIndexOf(".") + 1);
      const event = auto(`event${n}`);
      AUTO.get(event).preset = name.replace(/^on[-:]?/, "").toLowerCase();
      const r = guard(`handler ${h.label}`, () => h.fn(event));
      if (r.ok) {
        const v = r.value;
        if (v && (typeof v === "object" || typeof v === "function") && !isAuto(v) && typeof v.then === "function") {
          emit(`returned a promise`);
          v.then(
            (x) => emit(`resolved ${h.label}: ${ser(x)}`),
            (e) => emit(`rejected ${h.label}: ${describeError(e)}`),
          );
        } else {
          emit(`returned ${ser(v)}`);
        }
      }
    },
    afterEvent() {
      runTimers();
    },
    // State: every auto value written or set, and the props.
    snapshot() {
      const parts = [];
      for (const [path, proxy] of autos) {
        const node = AUTO.get(proxy);
        if (node.writes.size === 0 && !node.hasCell) continue;
        const w = [...node.writes].map(([k, v]) => `${String(k)}=${v === DELETED ? "<deleted>" : ser(v, 3)}`);
        if (node.hasCell) w.push(`cell=${ser(node.cell, 3)}`);
        parts.push(`${path}{${w.join(", ")}}`);
      }
      parts.sort();
      return `${ser(hc.props, 8)} ${parts.join(" ")}`;
    },
  };
  globalThis.__hc = hc;
})();
