// The JS API (wasm module) on every golden fixture: the output equals the
// golden output once both are printed by the module itself (transforming the
// golden rewrites nothing, so it is a reprint), and the diagnostics match the
// fixture's output.stderr (message, severity, line and column).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import { init, transformSync } from "../../api/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const fixtures = join(root, "fixtures");

function* cases(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (existsSync(join(path, "input.tsx"))) yield path;
    else yield* cases(path);
  }
}

/**
 * The `x message` (error) and `⚠ message` (warning) blocks of SWC's
 * rendering, each with the line and column of every caret in its frame (the
 * primary span and related ones, in source order).
 */
function expectedDiagnostics(stderr) {
  const out = [];
  const lines = stderr.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s{2}([x⚠]) (.*)$/.exec(lines[i]);
    if (!head) continue;
    const d = { severity: head[1] === "x" ? "error" : "warning", message: head[2], carets: [] };
    for (let j = i + 1; j < lines.length && !/^\s*`----/.test(lines[j]); j++) {
      const gutter = /^\s*:/.exec(lines[j]);
      const source = /^\s*(\d+) \|/.exec(lines[j - 1] ?? "");
      if (!gutter || !source) continue;
      // One space after the gutter: a run's offset from it is its 1-based column.
      for (const run of lines[j].matchAll(/\^+/g)) {
        d.carets.push(`${source[1]}:${run.index - gutter[0].length}`);
      }
    }
    out.push(d);
  }
  return out;
}

await init();
const all = [...cases(fixtures)];

test("there are fixtures", () => {
  assert.ok(all.length > 50, `only ${all.length} fixtures found`);
});

for (const dir of all) {
  const name = relative(fixtures, dir);
  test(`fixture ${name}`, () => {
    const optionsPath = join(dir, "options.json");
    const options = existsSync(optionsPath) ? JSON.parse(readFileSync(optionsPath, "utf8") || "null") ?? {} : {};
    const input = readFileSync(join(dir, "input.tsx"), "utf8");
    const golden = readFileSync(join(dir, "output.tsx"), "utf8");

    const print = { ...options, sourceMap: false, output: "print" };
    const actual = transformSync(input, { ...print, filename: "input.tsx" });
    // The golden is the same module (a registry call is keyed by its id).
    const reprinted = transformSync(golden, { ...print, filename: "input.tsx" });
    assert.deepEqual(
      reprinted.diagnostics.filter((d) => d.code === "HC101"),
      [],
      "the golden output does not parse",
    );
    assert.equal(reprinted.rewritten, 0, "transforming the golden output rewrote handlers again");
    assert.equal(actual.code, reprinted.code);
    // The default output splices the edits into the input: the same program.
    const spliced = transformSync(input, { ...options, filename: "input.tsx", sourceMap: false });
    assert.equal(spliced.rewritten, actual.rewritten);
    assert.equal(transformSync(spliced.code, { ...print, filename: "input.tsx" }).code, reprinted.code);

    // test_fixture writes output.stderr for errors; warnings are compared
    // only when the fixture records some.
    const stderrPath = join(dir, "output.stderr");
    const expected = existsSync(stderrPath) ? expectedDiagnostics(readFileSync(stderrPath, "utf8")) : [];
    const severities = new Set(["error", ...expected.map((d) => d.severity)]);
    const got = actual.diagnostics.filter((d) => severities.has(d.severity));
    assert.deepEqual(
      got.map((d) => `${d.severity}: ${d.message}`),
      expected.map((d) => `${d.severity}: ${d.message}`),
    );
    got.forEach((d, i) => {
      const carets = expected[i].carets;
      if (carets.length) {
        assert.ok(carets.includes(`${d.line}:${d.column}`), `${d.code} at ${d.line}:${d.column}, frame carets at ${carets}`);
      }
    });
  });
}
