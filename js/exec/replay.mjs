#!/usr/bin/env node
// Runs the whole check on one file and prints the result; with --trace, the
// original run's transcript too.
//
//   node js/exec/replay.mjs js/exec/findings/NAME.tsx [--options '{"captureMode":"roots"}'] [--trace]
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { checkModule, initAst, selectedBackends } from "./lib/harness.mjs";
import { findingScenario } from "./lib/findings.mjs";
import { falsePositives } from "./lib/fuzz-programs.mjs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !a.startsWith("{"));
if (!file) {
  console.error("usage: node js/exec/replay.mjs FILE [--options JSON] [--trace]  (HC_BACKENDS=text,ast)");
  process.exit(2);
}
const source = readFileSync(file, "utf8");
const scenario = findingScenario(source);
const i = args.indexOf("--options");
if (i >= 0) scenario.options = JSON.parse(args[i + 1]);
const backends = scenario.backend ? [scenario.backend] : selectedBackends();
if (backends.includes("ast")) await initAst();
let failed = false;
for (const backend of backends) {
  const r = falsePositives(source, checkModule(source, { ...scenario, backend, filename: basename(file), stepTimeout: 5000 }), scenario.safe);
  if (args.includes("--trace")) console.log((r.transcript || []).join("\n"));
  if (scenario.expect === "refused") {
    console.log(`${backend} back end: ${r.refused ? "ok, refused with HC101" : `FAIL: not refused (${r.ok ? "transformed" : r.stage + ": " + r.message})`}`);
    failed ||= !r.refused;
  } else if (r.ok) {
    console.log(`${backend} back end: ok, ${r.events} events, same behaviour (options ${JSON.stringify(scenario.options)})`);
  } else {
    console.log(`${backend} back end: FAIL (${r.stage}):\n${r.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
