// Worker side of pool.mjs: runs one check per message.
import { parentPort } from "node:worker_threads";
import { checkModule, initAst, selectedBackends } from "./harness.mjs";
import { checkProgram, shrink, generateFamily, falsePositives } from "./fuzz-programs.mjs";

if (selectedBackends().includes("ast")) await initAst();

parentPort.on("message", ({ id, task }) => {
  let result;
  try {
    result = handle(task);
  } catch (e) {
    result = { ok: false, stage: "harness", message: String(e && e.stack ? e.stack : e) };
  }
  parentPort.postMessage({ id, result });
});

function handle(task) {
  switch (task.kind) {
    case "module": {
      const r = falsePositives(task.source, checkModule(task.source, task.opts), task.opts.safe);
      // transcripts are large: send back only what the runners report
      const throws = (r.transcript || []).filter((l) => l.startsWith("THROW") || l.startsWith("ABORT") || l.startsWith("COMPILE ERROR"));
      return { ok: r.ok, stage: r.stage, message: r.message, handlers: r.handlers, events: r.events, diagnostics: r.diagnostics, throws, refused: r.refused };
    }
    case "program": {
      const program = generateFamily(task.family, task.seed, task.mode, task.shapes);
      const r = checkProgram(program);
      return { ok: r.failures.length === 0, failures: r.failures, stats: r.stats, source: r.source, shapes: program.shapes };
    }
    case "shrink": {
      const program = generateFamily(task.family, task.seed, task.mode, task.shapes);
      return shrink(program, task.failure, task.limits);
    }
    default:
      throw new Error(`unknown task ${task.kind}`);
  }
}
