// Execution equivalence on the golden fixtures: every fixtures/*/*/input.tsx
// runs as written and as transformed (with its options.json, then again with
// captureMode "roots"), each of these once more with `hoist: true`, and the
// two runs must be indistinguishable. See
// the README, "Verification". Cases that cannot run are listed in fixtures.json.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createPool } from "./lib/pool.mjs";
import { loadFixtureCases, fixtureProps } from "./lib/fixtures.mjs";
import { selectedBackends } from "./lib/harness.mjs";

const pool = createPool();
after(() => pool.close());
const { cases, list } = loadFixtureCases();
const backends = selectedBackends();
if (!backends.includes("ast")) console.log("# AST back end not checked: js/api/handler_closures.wasm is missing (bash scripts/build-wasm-module.sh)");
let events = 0;

test("fixtures run the same as written and transformed", { concurrency: pool.size }, async (t) => {
  const running = [];
  for (const c of cases) {
    const base = [["options", c.options]];
    if (c.options.captureMode !== "roots") base.push(["roots", { ...c.options, captureMode: "roots" }]);
    // Every mode again with the handlers hoisted to module level (BEHAVIOR.md
    // section 5), unless the fixture's options hoist already.
    const modes = c.options.hoist ? base : [...base, ...base.map(([mode, options]) => [`${mode}+hoist`, { ...options, hoist: true }])];
    for (const [mode, options] of modes) for (const backend of backends) {
      running.push(t.test(`${c.name} (${mode}, ${backend})`, { skip: c.skip, todo: c.open }, async () => {
        const r = await pool.run({ kind: "module", source: c.source, opts: { options, props: fixtureProps(c.props), backend, globals: c.globals } });
        assert.ok(r.ok, `${r.stage}: ${r.message}`);
        events += r.events;
        if (!c.noEvents) assert.ok(r.events > 0, "no handler was fired: give the component props in fixtures.json, or list it under noEvents with a reason");
        if (!c.throws)
          assert.deepEqual(r.throws, [], "the original throws: give the component props in fixtures.json, or list it under throws with a reason");
      }));
    }
  }
  await Promise.all(running);
});

test("fixtures.json names only existing fixtures", () => {
  const names = new Set(cases.map((c) => c.name));
  for (const section of ["skip", "props", "globals", "noEvents", "throws", "open"])
    for (const name of Object.keys(list[section] || {})) assert.ok(names.has(name), `${section}: no fixture ${name}`);
});

test("enough events were fired", () => {
  // A floor so the suite cannot pass by firing nothing.
  assert.ok(events >= cases.length, `only ${events} events over ${cases.length} fixtures`);
  console.log(`# fixtures: ${cases.length} cases, ${events} events fired`);
});
