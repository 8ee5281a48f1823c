// Generated programs (lib/generate.mjs): for each seed, the transform's
// output parses, a second run changes nothing, and the execution harness
// finds no difference (see lib/fuzz-programs.mjs for which capture modes are
// executed). A failing program is shrunk and saved under findings/.
//
//   GEN_COUNT=2000 node --test generated.test.mjs     more programs (default 300)
//   GEN_SEED=12345 node --test generated.test.mjs     other seeds (default 1)
//   HC_JOBS=1                                         one worker
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { createPool } from "./lib/pool.mjs";
import { generateProgram } from "./lib/generate.mjs";
import { saveFinding } from "./lib/fuzz-programs.mjs";

const COUNT = Number(process.env.GEN_COUNT || 300);
const SEED = Number(process.env.GEN_SEED || 1);
const findings = fileURLToPath(new URL("./findings/", import.meta.url));
const pool = createPool();
after(() => pool.close());

const modeOf = (seed) => (seed % 3 === 0 ? "free" : "conforming");
const totals = { programs: 0, events: 0, handlers: 0, diagnostics: {} };
const failed = [];

test(`${COUNT} generated programs from seed ${SEED}`, { concurrency: pool.size }, async (t) => {
  const running = [];
  for (let seed = SEED; seed < SEED + COUNT; seed++) {
    const mode = modeOf(seed);
    running.push(
      t.test(`seed ${seed} (${mode})`, async () => {
        const r = await pool.run({ kind: "program", seed, mode });
        if (r.stats) {
          totals.programs += 1;
          totals.events += r.stats.events;
          totals.handlers += r.stats.handlers;
          for (const [k, v] of Object.entries(r.stats.diagnostics)) totals.diagnostics[k] = (totals.diagnostics[k] || 0) + v;
        }
        if (r.ok) return;
        if (!r.failures) assert.fail(`${r.stage}: ${r.message}`);
        const failure = r.failures[0];
        const shrunk = await pool.run({ kind: "shrink", seed, mode, failure, limits: { maxTries: 300 } }, { deadlineMs: 300000 });
        const file = shrunk.source ? saveFinding(findings, generateProgram(seed, { mode }), failure, shrunk) : "(shrinking failed)";
        failed.push(file);
        assert.fail(`${failure.check} ${failure.stage}: saved ${file}\n${(shrunk.failure || failure).message}`);
      }),
    );
  }
  await Promise.all(running);
});

test("the generated programs exercised the transform", () => {
  console.log(`# generated: ${totals.programs} programs, ${totals.handlers} handlers, ${totals.events} events, diagnostics ${JSON.stringify(totals.diagnostics)}`);
  if (COUNT >= 100) {
    assert.ok(totals.events >= COUNT * 5, `only ${totals.events} events`);
    // refused and warned handlers must be among them
    for (const code of ["HC001", "HC003", "HC004", "HC005", "HC007"])
      assert.ok(totals.diagnostics[code] > 0, `no program produced ${code}`);
  }
});
