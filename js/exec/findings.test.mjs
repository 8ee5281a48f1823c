// Replays every saved finding (findings/*.tsx): each must now pass the whole
// check (output parses, idempotent, execution equivalent), with its options
// and again with `hoist: true` added. Findings listed in
// findings/open.json are known bugs not fixed yet and are reported as todo.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createPool } from "./lib/pool.mjs";
import { findingScenario } from "./lib/findings.mjs";
import { selectedBackends } from "./lib/harness.mjs";

const dir = fileURLToPath(new URL("./findings/", import.meta.url));
const open = JSON.parse(readFileSync(new URL("./findings/open.json", import.meta.url), "utf8"));
const files = readdirSync(dir).filter((f) => /\.(tsx|jsx|ts|js)$/.test(f)).sort();
const pool = createPool();
after(() => pool.close());

test("open.json names only existing findings", () => {
  for (const name of Object.keys(open)) if (name !== "//") assert.ok(files.includes(name), `no finding ${name}`);
});

for (const file of files) {
  test(`finding ${file}`, { todo: open[file] }, async () => {
    const source = readFileSync(dir + file, "utf8");
    const { options, props, backend, expect, safe } = findingScenario(source);
    // With its options, then hoisted too (unless they hoist already).
    const variants = options.hoist ? [options] : [options, { ...options, hoist: true }];
    for (const b of backend ? [backend] : selectedBackends()) for (const o of variants) {
      const r = await pool.run({ kind: "module", source, opts: { options: o, props, filename: file, backend: b, safe } });
      const label = `${b} back end, options ${JSON.stringify(o)}`;
      if (expect === "refused") assert.ok(r.refused, `${label}: should refuse the file with HC101; got ${r.ok ? "a transformed file" : `${r.stage}: ${r.message}`}`);
      else assert.ok(r.ok, `${label}, ${r.stage}: ${r.message}`);
    }
  });
}
