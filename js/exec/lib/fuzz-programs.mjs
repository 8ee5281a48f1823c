// Checks generated programs (generate.mjs) and shrinks failures.
//
//   checkProgram(program) -> [] | [{ check, stage, message }]
//   shrink(program, failure) -> { source, removed, tries }
//   saveFinding(program, failure, shrunk) -> path under js/exec/findings/
//
// Checks, by mode (see generate.mjs):
//   conforming: paths and roots: parses, idempotent, equivalent
//   free:       roots: parses, idempotent, equivalent; paths: parses, idempotent
// and each of them again with `hoist: true` (checks "paths-hoist", "roots-hoist").
// Programs of the "order" family (generate-order.mjs) are conforming and
// list safe handlers (`program.safe`): each must also be rewritten (stage
// "false-positive", see false-positives.mjs).
//
//   generateFamily(family, seed, mode, shapes) -> the program of either generator
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { checkModule, selectedBackends } from "./harness.mjs";
import { generateProgram, renderProgram, removableUnits } from "./generate.mjs";
import { generateOrderProgram } from "./generate-order.mjs";
import { notRewritten } from "./false-positives.mjs";

export function generateFamily(family, seed, mode, shapes) {
  return family === "order" ? generateOrderProgram(seed, shapes ? { shapes } : {}) : generateProgram(seed, { mode });
}

// Each check runs once more with `hoist: true` (BEHAVIOR.md section 5), named
// "<name>-hoist".
const withHoist = (checks) => [...checks, ...checks.map((c) => ({ ...c, name: `${c.name}-hoist`, options: { ...c.options, hoist: true } }))];
export const CHECKS = {
  conforming: withHoist([
    { name: "paths", options: {}, exec: true },
    { name: "roots", options: { captureMode: "roots" }, exec: true },
  ]),
  free: withHoist([
    { name: "roots", options: { captureMode: "roots" }, exec: true },
    { name: "paths", options: {}, exec: false },
  ]),
};

// A passing checkModule result `r` becomes a "false-positive" failure when
// a handler of `safe` (markers present in `source`) was not rewritten.
export function falsePositives(source, r, safe = []) {
  const present = safe.filter((m) => source.includes(JSON.stringify(m)));
  if (!r.ok || !present.length) return r;
  const missed = notRewritten(r.transformed, present);
  if (!missed.length) return r;
  const codes = r.diagnostics.map((d) => `${d.severity}[${d.code}]`).join(", ") || "none";
  const message = `safe handlers left as written (${missed.join(", ")}); diagnostics: ${codes}\n--- transformed source\n${r.transformed}`;
  return { ...r, ok: false, stage: "false-positive", message };
}

export function runCheck(source, props, check) {
  const r = falsePositives(source, checkModule(source, { options: check.options, props, exec: check.exec, backend: check.backend }), check.safe);
  if (r.ok) return { ok: true, result: r };
  return { ok: false, check: check.name, stage: r.stage, message: r.message, result: r };
}

export function checkProgram(program) {
  const source = renderProgram(program.tree);
  const failures = [];
  const stats = { handlers: 0, events: 0, diagnostics: {} };
  for (const backend of selectedBackends()) for (const base of CHECKS[program.mode]) {
    const check = { ...base, name: `${base.name}/${backend}`, backend, safe: program.safe };
    const r = runCheck(source, program.props, check);
    if (!r.ok) failures.push({ check: r.check, stage: r.stage, message: r.message, options: check.options, exec: check.exec, backend, safe: program.safe });
    else if (check.exec) {
      stats.handlers = Math.max(stats.handlers, r.result.handlers);
      stats.events = Math.max(stats.events, r.result.events);
    }
    if (r.result?.diagnostics)
      for (const d of r.result.diagnostics) stats.diagnostics[d.code] = (stats.diagnostics[d.code] || 0) + 1;
  }
  return { source, failures, stats };
}

// Greedy shrinking: drop removable units (largest first) while the same
// check still fails at the same stage; repeat until nothing can be dropped.
export function shrink(program, failure, { maxTries = 400 } = {}) {
  const check = { name: failure.check, options: failure.options, exec: failure.exec, backend: failure.backend, safe: failure.safe };
  const stillFails = (disabled) => {
    const r = runCheck(renderProgram(program.tree, disabled), program.props, check);
    return !r.ok && r.stage === failure.stage ? r : null;
  };
  let disabled = new Set();
  let tries = 0;
  let last = null;
  let changed = true;
  while (changed && tries < maxTries) {
    changed = false;
    const units = removableUnits(program.tree)
      .filter((u) => !disabled.has(u.id))
      .sort((a, b) => renderProgram(b).length - renderProgram(a).length);
    for (const u of units) {
      if (tries >= maxTries) break;
      if (isInside(program.tree, u, disabled)) continue;
      const next = new Set(disabled).add(u.id);
      tries += 1;
      const r = stillFails(next);
      if (r) {
        disabled = next;
        last = r;
        changed = true;
      }
    }
  }
  return { source: renderProgram(program.tree, disabled), removed: disabled.size, tries, failure: last || failure };
}

// Whether unit u sits inside an already disabled unit.
function isInside(tree, u, disabled) {
  let found = false;
  const walk = (t, off) => {
    if (typeof t === "string" || found) return;
    if (t === u) {
      found = off;
      return;
    }
    const now = off || disabled.has(t.id);
    for (const p of t.parts) walk(p, now);
  };
  walk(tree, false);
  return found;
}

export function saveFinding(dir, program, failure, shrunk) {
  mkdirSync(dir, { recursive: true });
  const family = program.family === "order" ? `order-${[...new Set(program.shapes)].join("+")}` : program.mode;
  const name = `gen-${family}-${program.seed}-${failure.check.replace("/", "-")}-${failure.stage}.tsx`;
  const file = join(dir, name);
  const message = (shrunk.failure.message || "").split("\n").slice(0, 40).map((l) => `// ${l}`).join("\n");
  const header = [
    `// Finding from the generated-program check (js/exec/generated.test.mjs).`,
    `// @options ${JSON.stringify(failure.options)}`,
    `// @backend ${failure.backend}`,
    `// @props generated`,
    ...(program.safe?.length ? [`// @safe ${program.safe.join(",")}`] : []),
    `// check: ${failure.check}, stage: ${failure.stage}; seed ${program.seed}, mode ${program.mode}`,
    `// replay: node js/exec/replay.mjs js/exec/findings/${name}`,
    message,
    "",
  ].join("\n");
  writeFileSync(file, `${header}\n${shrunk.source}`);
  return file;
}
