// Generated programs: for each seed, the transform's output parses, a second
// run changes nothing, and the execution harness finds no difference (see
// lib/fuzz-programs.mjs for which capture modes are executed). Two families:
// - classic (lib/generate.mjs): random components of every kind;
// - order (lib/generate-order.mjs): evaluation-order shapes (hoisted
//   functions called early, parameter defaults, switch fall-through, merged
//   enums, parameter properties, comments in arrow heads, safe writes after
//   the JSX); their safe handlers must also be rewritten.
// A failing program is shrunk and saved under findings/.
//
//   GEN_COUNT=2000 node --test generated.test.mjs     more classic programs (default 300)
//   GEN_ORDER_COUNT=500                               more order programs (default 100)
//   GEN_SEED=12345 node --test generated.test.mjs     other seeds (default 1), both families
//   GEN_SHAPES=order                                  only the order family
//   GEN_SHAPES=hoisted-tdz,merged-enum                only these order shapes
//   GEN_SHAPES=classic                                only the classic family
//   HC_JOBS=1                                         one worker
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createPool } from "./lib/pool.mjs";
import { generateFamily, saveFinding } from "./lib/fuzz-programs.mjs";
import { ORDER_SHAPE_NAMES } from "./lib/generate-order.mjs";

// An order program costs about 40% of a classic one (it is smaller).
const COUNTS = { classic: Number(process.env.GEN_COUNT || 300), order: Number(process.env.GEN_ORDER_COUNT || 100) };
const SEED = Number(process.env.GEN_SEED || 1);
const findings = fileURLToPath(new URL("./findings/", import.meta.url));
const pool = createPool();
after(() => pool.close());

// GEN_SHAPES: "classic", "order" or order shape names, comma-separated.
const wanted = (process.env.GEN_SHAPES || "classic,order").split(",").map((x) => x.trim()).filter(Boolean);
const unknown = wanted.filter((w) => w !== "classic" && w !== "order" && !ORDER_SHAPE_NAMES.includes(w));
if (unknown.length) throw new Error(`GEN_SHAPES: unknown ${unknown.join(", ")} (known: classic, order, ${ORDER_SHAPE_NAMES.join(", ")})`);
const shapes = wanted.includes("order") ? ORDER_SHAPE_NAMES : ORDER_SHAPE_NAMES.filter((s) => wanted.includes(s));
const families = [...(wanted.includes("classic") ? ["classic"] : []), ...(shapes.length ? ["order"] : [])];

const modeOf = (family, seed) => (family === "classic" && seed % 3 === 0 ? "free" : "conforming");
const totals = Object.fromEntries(families.map((f) => [f, { programs: 0, events: 0, handlers: 0, diagnostics: {}, shapes: {} }]));

for (const family of families) {
  const label = family === "order" ? `order shapes ${shapes.length === ORDER_SHAPE_NAMES.length ? "(all)" : shapes.join(",")}` : "classic";
  test(`${COUNTS[family]} generated programs (${label}) from seed ${SEED}`, { concurrency: pool.size }, async (t) => {
    const running = [];
    for (let seed = SEED; seed < SEED + COUNTS[family]; seed++) {
      const mode = modeOf(family, seed);
      const task = { kind: "program", family, seed, mode, shapes: family === "order" ? shapes : undefined };
      running.push(
        t.test(`${family} seed ${seed} (${mode})`, async () => {
          const r = await pool.run(task);
          const sum = totals[family];
          if (r.stats) {
            sum.programs += 1;
            sum.events += r.stats.events;
            sum.handlers += r.stats.handlers;
            for (const [k, v] of Object.entries(r.stats.diagnostics)) sum.diagnostics[k] = (sum.diagnostics[k] || 0) + v;
            for (const s of r.shapes || []) sum.shapes[s] = (sum.shapes[s] || 0) + 1;
          }
          if (r.ok) return;
          if (!r.failures) assert.fail(`${r.stage}: ${r.message}`);
          const failure = r.failures[0];
          const shrunk = await pool.run({ ...task, kind: "shrink", failure, limits: { maxTries: 300 } }, { deadlineMs: 300000 });
          const program = generateFamily(family, seed, mode, task.shapes);
          const file = shrunk.source ? saveFinding(findings, program, failure, shrunk) : "(shrinking failed)";
          assert.fail(`${failure.check} ${failure.stage}: saved ${file}\n${(shrunk.failure || failure).message}`);
        }),
      );
    }
    await Promise.all(running);
  });
}

test("the generated programs exercised the transform", () => {
  for (const [family, sum] of Object.entries(totals)) {
    console.log(`# generated ${family}: ${sum.programs} programs, ${sum.handlers} handlers, ${sum.events} events, diagnostics ${JSON.stringify(sum.diagnostics)}${family === "order" ? `, shapes ${JSON.stringify(sum.shapes)}` : ""}`);
    if (COUNTS[family] < 100) continue;
    assert.ok(sum.events >= COUNTS[family] * (family === "order" ? 1 : 5), `${family}: only ${sum.events} events`);
    // refused and warned handlers must be among them
    if (family === "classic")
      for (const code of ["HC001", "HC003", "HC004", "HC005", "HC007"]) assert.ok(sum.diagnostics[code] > 0, `no program produced ${code}`);
    // every selected shape was generated
    if (family === "order") for (const s of shapes) assert.ok(sum.shapes[s] > 0, `no program of shape ${s}`);
  }
});
