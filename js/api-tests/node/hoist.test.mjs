// The JS API with `hoist` and `registry` (BEHAVIOR.md section 5): module ids
// from `filename` relative to `root`, HC103 without a name, the manifest's
// entries in `handlers`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { init, transformSync } from "../../api/index.js";

await init();

const source = `import { cell } from "commonfabric";
export function App({ state }) {
  return <input onChange={(e) => state.v.set(e.target.value)} onKeyDown={({ key }) => key === "Enter" && state.go()} />;
}
`;
const registry = { module: "commonfabric", name: "__cfReg" };

test("a registry call keyed by the module id relative to root", () => {
  const result = transformSync(source, { filename: "/repo/src/App.tsx", root: "/repo", hoist: true, registry });
  assert.deepEqual(result.diagnostics, []);
  assert.ok(result.code.includes('import { cell, handler, __cfReg } from "commonfabric";'), result.code);
  assert.ok(result.code.includes('__cfReg("src/App.tsx", { "_App_input_onChange": _App_input_onChange, "_App_input_onKeyDown": _App_input_onKeyDown });'), result.code);
});

test("without a file name there is no module id: HC103, nothing transformed", () => {
  const result = transformSync(source, { hoist: true, registry });
  assert.deepEqual(result.diagnostics.map((d) => d.code), ["HC103"]);
  assert.equal(result.code, source);
});

test("handlers describes every handler, with its event fields", () => {
  const { handlers } = transformSync(source, { filename: "/repo/src/App.tsx", root: "/repo", hoist: true });
  assert.deepEqual(
    handlers.map((h) => [h.id, h.element, h.attribute, h.status, h.hoisted, h.captures, h.eventFields]),
    [
      ["src/App.tsx#_App_input_onChange", "input", "onChange", "rewritten", true, ["state.v"], [{ path: "target.value", kind: "*" }]],
      ["src/App.tsx#_App_input_onKeyDown", "input", "onKeyDown", "rewritten", true, ["state"], [{ path: "key", kind: "read" }]],
    ],
  );
  assert.deepEqual(transformSync(source, { filename: "a.tsx", handlers: false }).handlers, []);
});

test("a registry without hoist is an invalid option", () => {
  assert.throws(() => transformSync(source, { filename: "a.tsx", registry }), (e) => e.code === "HC100" && e.field === "registry");
});
