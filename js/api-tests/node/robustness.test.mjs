// Bad and extreme input: syntax errors and garbage give diagnostics (never a
// throw from inside wasm), options errors throw naming the field, a 10 MB
// file works, pathological nesting is a diagnostic and the module recovers.
import { test } from "node:test";
import assert from "node:assert/strict";

import { init, isInitialized, transform, transformSync } from "../../api/index.js";
import { bigComponent } from "../lib.mjs";

await init();

test("a syntax error is a HC101 diagnostic with its position, the code comes back unchanged", () => {
  const source = "export function A() {\n  return <div onClick={() => go()}>;\n}\n";
  const result = transformSync(source, { filename: "A.tsx" });
  assert.equal(result.code, source);
  assert.equal(result.map, null);
  assert.equal(result.rewritten, 0);
  assert.equal(result.diagnostics.length, 1);
  const [d] = result.diagnostics;
  assert.equal(d.code, "HC101");
  assert.equal(d.severity, "error");
  assert.match(d.message, /^the file does not parse: /);
  assert.ok(d.line >= 2, `line ${d.line}`);
});

test("garbage never throws", () => {
  const inputs = [
    "",
    "\uFEFF",
    "\0\0\0",
    "'unterminated",
    "`${",
    "<div",
    "</div>",
    "}}}}",
    "const = ;",
    "\uD800 lone surrogate <a onClick={() => x()} />",
    "🎉".repeat(1000),
    String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i)),
    "<a onClick={() => {}} />".repeat(2000).slice(0, -3),
    "type T = <".repeat(200),
  ];
  for (const source of inputs) {
    for (const filename of ["x.tsx", "x.ts", "x.jsx", "x.js", "no-extension"]) {
      const result = transformSync(source, { filename });
      assert.equal(typeof result.code, "string");
      for (const d of result.diagnostics) {
        assert.ok(d.line >= 1 && d.column >= 1, JSON.stringify(d));
      }
    }
  }
});

test("the extension picks the syntax: JSX in a .ts file does not parse, in .js it does", () => {
  const source = "export function A({ s }) { return <b onClick={() => s.go()} />; }";
  assert.equal(transformSync(source, { filename: "a.ts" }).diagnostics[0]?.code, "HC101");
  assert.equal(transformSync(source, { filename: "a.js" }).rewritten, 1);
  assert.equal(transformSync("let a = <T,>(x: T) => x;", { filename: "a.ts" }).diagnostics.length, 0);
});

test("invalid options throw an Error naming the field (HC100)", () => {
  const cases = [
    [{ captureMode: "all" }, "captureMode"],
    [{ exclude: ["onA", 3] }, "exclude[1]"],
    [{ helperName: "not-an-identifier" }, "helperName"],
    [{ attributePattern: "(on" }, "attributePattern"],
    [{ capturMode: "roots" }, "capturMode"],
  ];
  for (const [options, field] of cases) {
    assert.throws(
      () => transformSync("<a />", options),
      (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.code, "HC100");
        assert.equal(e.field, field);
        assert.match(e.message, /invalid handler-closures option/);
        assert.ok(e.message.includes(`\`${field}\``), e.message);
        return true;
      },
    );
  }
});

test("pathological nesting is a HC101 diagnostic and the module keeps working", async () => {
  const deep = "(".repeat(20000) + "1" + ")".repeat(20000);
  const result = await transform(`const v = ${deep};`, { filename: "deep.tsx" });
  assert.equal(result.diagnostics[0].code, "HC101");
  assert.match(result.diagnostics[0].message, /nested too deeply/);
  assert.ok(isInitialized());
  const after = transformSync("export function A({ s }) { return <b onClick={() => s.go()} />; }");
  assert.equal(after.rewritten, 1);
  // Realistic nesting is far below the limit.
  const nested = `export function A({ s }) { return ${"<div>".repeat(300)}<b onClick={() => s.go()} />${"</div>".repeat(300)}; }`;
  assert.equal(transformSync(nested).rewritten, 1);
});

test("inputs that crash SWC's parser or leave invalid nodes are HC101 diagnostics, not throws", () => {
  // swc_ecma_parser panics on a namespaced member tag (the module traps).
  const crash = "export const A = () => <a:b.c onClick={() => go()} />;\n";
  const crashed = transformSync(crash, { filename: "a.tsx" });
  assert.equal(crashed.code, crash);
  assert.deepEqual(crashed.diagnostics.map((d) => d.code), ["HC101"]);
  assert.match(crashed.diagnostics[0].message, /parser crashed/);
  // The parser accepts this but leaves an Invalid node.
  const invalid = "export function U({ u }) {\n  return <b onClick={async <T,>(e: T) => { a<void>r; }} />;\n}\n";
  for (const output of ["splice", "print"]) {
    const result = transformSync(invalid, { filename: "u.tsx", output });
    assert.equal(result.code, invalid);
    assert.deepEqual(result.diagnostics.map((d) => [d.code, d.line]), [["HC101", 2]]);
  }
  // The module keeps working afterwards.
  assert.equal(transformSync("export default <b onClick={() => go()} />;", { filename: "b.tsx" }).rewritten, 1);
});

test("init() with bad input rejects and keeps the loaded module", async () => {
  await assert.rejects(init(new Uint8Array([0, 97, 115, 109, 9, 9])), WebAssembly.CompileError);
  await assert.rejects(init(Promise.resolve(new Response("nope", { status: 404 }))), /HTTP 404/);
  await assert.rejects(init(42), TypeError);
  assert.equal(transformSync("export default <a onClick={() => go()} />;").rewritten, 1);
});

test("a 10 MB file is transformed", () => {
  let source = "";
  for (let i = 0; source.length < 10 * 1024 * 1024; i++) source += bigComponent(`C${i}`, 50);
  const start = performance.now();
  const result = transformSync(source, { filename: "big.tsx" });
  const ms = performance.now() - start;
  const handlers = source.split("onClick={() =>").length - 1;
  assert.equal(result.diagnostics.length, 0);
  assert.equal(result.rewritten, handlers);
  assert.ok(result.code.startsWith('import { handler } from "commontools";'));
  assert.ok(JSON.parse(result.map).sourcesContent[0].length === source.length);
  console.log(`# 10 MB (${(source.length / 1e6).toFixed(1)} MB, ${handlers} handlers): ${ms.toFixed(0)} ms`);
  assert.ok(ms < 120_000, `took ${ms} ms`);
});
