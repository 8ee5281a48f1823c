// A small pool of worker threads running harness checks, each job with a
// deadline: a job that runs past it (a program that never stops) has its
// worker terminated and answers { ok: false, stage: "timeout" }.
//
//   const pool = createPool();           // size: HC_JOBS or 2
//   await pool.run({ kind: "module", source, opts })
//   await pool.run({ kind: "program", seed, mode })
//   await pool.run({ kind: "shrink", seed, mode, failure })
//   pool.close()
import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";

const workerUrl = new URL("./worker.mjs", import.meta.url);

export function createPool({ size = Number(process.env.HC_JOBS) || Math.min(2, availableParallelism()), deadlineMs = 120000 } = {}) {
  const idle = [];
  const all = new Set();
  const queue = [];
  let seq = 0;
  const spawn = () => {
    const w = new Worker(workerUrl);
    all.add(w);
    w.on("exit", () => all.delete(w));
    w.on("message", (msg) => {
      const job = w.job;
      if (!job || msg.id !== job.id) return;
      clearTimeout(job.timer);
      w.job = null;
      job.resolve(msg.result);
      release(w);
    });
    w.on("error", (e) => {
      const job = w.job;
      w.job = null;
      if (job) {
        clearTimeout(job.timer);
        job.resolve({ ok: false, stage: "worker", message: String(e && e.stack ? e.stack : e) });
      }
      release(spawn());
    });
    return w;
  };
  const release = (w) => {
    const next = queue.shift();
    if (next) start(w, next);
    else idle.push(w);
  };
  const start = (w, job) => {
    w.job = job;
    job.timer = setTimeout(() => {
      w.job = null;
      w.removeAllListeners("error");
      w.terminate();
      job.resolve({ ok: false, stage: "timeout", message: `no answer within ${deadlineMs} ms (a program that never stops?)` });
      release(spawn());
    }, job.deadlineMs ?? deadlineMs);
    w.postMessage({ id: job.id, task: job.task });
  };
  for (let i = 0; i < size; i++) idle.push(spawn());
  return {
    size,
    // A job whose worker died or ran past the deadline is tried once more
    // (a loaded machine can starve a worker); a second failure is the answer.
    async run(task, { deadlineMs: d, retries = 1 } = {}) {
      for (let attempt = 0; ; attempt++) {
        const result = await new Promise((resolve) => {
          const job = { id: ++seq, task, resolve, deadlineMs: d };
          const w = idle.pop();
          if (w) start(w, job);
          else queue.push(job);
        });
        const lost = result && (result.stage === "timeout" || result.stage === "worker");
        if (!lost || attempt >= retries) return lost && attempt > 0 ? { ...result, message: `${result.message} (also on retry)` } : result;
      }
    },
    close() {
      for (const w of all) w.terminate();
      idle.length = 0;
    },
  };
}
