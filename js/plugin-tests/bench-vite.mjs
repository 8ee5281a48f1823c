// Benchmark of the bundler route: `vite build` of a generated 1,000-file
// React app (one file in five with handlers, ~5 each; the others plain JSX)
// with `swc-plugin-handler-closures/vite` and without it, printed as ratios
// of medians, wall clock and CPU time (goal <= 1.3; on a shared machine the
// CPU ratio is the steadier one). Run by scripts/bench.sh, after run.sh installed
// the bundlers:
//
//   node js/plugin-tests/bench-vite.mjs [FILES] [ROUNDS]
//
// The builds run in child processes, alternating, so that both see the same
// machine noise; each build is a fresh process (the plugin's one-time module
// load is part of what is measured).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { here } from "./lib.mjs";

const files = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 5);
const app = join(here, "work", "bench-vite");

function component(i) {
  const name = `Panel${i}`;
  if (i % 5 !== 0) {
    return `export function ${name}({ items, title }: { items: { id: string; label: string }[]; title: string }) {
  const visible = items.filter((x) => x.label);
  return (
    <section className="panel-${i}" data-count={visible.length}>
      <h2>{title}</h2>
      <ul>{visible.map((row) => <li key={row.id} className="row">{row.label}</li>)}</ul>
      <button type="button" aria-label="open">open</button>
    </section>
  );
}
`;
  }
  return `import { useState } from "react";

export function ${name}({ items, title, store }: { items: { id: string; label: string }[]; title: string; store: any }) {
  const [open, setOpen] = useState(false);
  const visible = items.filter((x) => x.label);
  return (
    <section className="panel-${i}" data-count={visible.length} onMouseEnter={() => store.hover.set(${i})}>
      <h2 onClick={() => setOpen(!open)}>{title}</h2>
      <ul>
        {visible.map((row) => (
          <li key={row.id} onClick={() => store.selected.set(row.id)}>{row.label}</li>
        ))}
      </ul>
      <input onInput={(e: any) => store.draft.set(e.target.value)} />
      <button type="button" onClick={() => { store.count.set(store.count.get() + 1); setOpen(false); }}>open</button>
    </section>
  );
}
`;
}

function generate() {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(join(app, "src/panels"), { recursive: true });
  const imports = [];
  const uses = [];
  for (let i = 0; i < files; i++) {
    writeFileSync(join(app, `src/panels/Panel${i}.tsx`), component(i));
    imports.push(`import { Panel${i} } from "./panels/Panel${i}";`);
    uses.push(`    <Panel${i} items={items} title="p${i}" store={store} />`);
  }
  writeFileSync(
    join(app, "src/main.tsx"),
    `import { createRoot } from "react-dom/client";\n${imports.join("\n")}\n\nconst items = [{ id: "a", label: "first" }];\nconst cell = () => ({ get: () => 0, set() {} });\nconst store = { hover: cell(), selected: cell(), draft: cell(), count: cell() };\n\ncreateRoot(document.getElementById("root")!).render(\n  <>\n${uses.join("\n")}\n  </>,\n);\n`,
  );
  writeFileSync(join(app, "index.html"), `<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>\n`);
  for (const [config, plugin] of [["with.mjs", true], ["without.mjs", false]]) {
    writeFileSync(
      join(app, config),
      `import react from "@vitejs/plugin-react";\n${plugin ? 'import handlerClosures from "swc-plugin-handler-closures/vite";\n' : ""}export default { plugins: [${plugin ? "handlerClosures(), " : ""}react()], logLevel: "error", build: { outDir: "dist-${config.slice(0, -4)}" } };\n`,
    );
  }
}

/** One `vite build` in a fresh process: its wall-clock and CPU seconds (all threads). */
function build(config) {
  const script = `
    const started = performance.now();
    const { build } = await import("vite");
    await build({ configFile: ${JSON.stringify(join(app, "CONFIG"))}.replace("CONFIG", process.argv[1]) });
    const cpu = process.cpuUsage();
    console.log(JSON.stringify({ wall: (performance.now() - started) / 1e3, cpu: (cpu.user + cpu.system) / 1e6 }));
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script, config], { cwd: app, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`vite build --config ${config} failed:\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

generate();
build("without.mjs"); // warm the file system cache
const runs = { with: [], without: [] };
for (let r = 0; r < rounds; r++) {
  runs.without.push(build("without.mjs"));
  runs.with.push(build("with.mjs"));
}
const stat = (key, field) => median(runs[key].map((run) => run[field]));
console.log(`| app | files (with handlers) | | vite build without | with the plugin | ratio |`);
console.log(`|---|---|---|---|---|---|`);
for (const field of ["wall", "cpu"]) {
  const [w, wo] = [stat("with", field), stat("without", field)];
  console.log(
    `| generated React app | ${files} (${Math.ceil(files / 5)}) | ${field === "wall" ? "wall clock" : "CPU (all threads)"} | ${wo.toFixed(2)} s | ${w.toFixed(2)} s | **${(w / wo).toFixed(2)}** |`,
  );
}
