// Vite 8 with the default @vitejs/plugin-react 6 (JSX through oxc) and
// `swc-plugin-handler-closures/vite`: `vite build` ships the transformed
// handlers with a chained source map, an HC001 fails the build at
// file:line:column, and the dev server (on 127.0.0.1) serves transformed
// modules and re-transforms a file after an edit.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import {
  assertHc001,
  assertMapsIntoHandlerBody,
  assertTransformed,
  bin,
  chunksWithHandlers,
  makeApp,
  run,
  squash,
  STUB_MARKER,
} from "./lib.mjs";

const CONFIG = `import react from "@vitejs/plugin-react";
import handlerClosures from "swc-plugin-handler-closures/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [handlerClosures(), react()],
  build: {
    minify: false,
    sourcemap: true,
    rollupOptions: { input: process.env.HC_ENTRY ?? "index.html" },
  },
});
`;

const app = makeApp("vite", {
  "vite.config.mjs": CONFIG,
  "broken.html": `<!doctype html><div id="root"></div><script type="module" src="/broken/main.tsx"></script>\n`,
});

test("vite build ships the transformed handlers and a map into the handler bodies", () => {
  const { output, seconds } = run(bin("vite"), ["build"], { cwd: app });
  console.log(`vite build: ${seconds.toFixed(1)}s`);
  const chunks = chunksWithHandlers(join(app, "dist"));
  assert.equal(chunks.length, 1, `bundles with handlers:\n${output}`);
  const [{ file, code }] = chunks;
  assertTransformed(code, file);
  assert.ok(code.includes(STUB_MARKER), "the helper module is not in the bundle");
  assert.ok(code.includes("nothing to rewrite"), "Plain.tsx is missing");
  assertMapsIntoHandlerBody(code, JSON.parse(readFileSync(`${file}.map`, "utf8")), app);
});

test("an HC001 in a module fails vite build naming file:line:column", () => {
  const result = spawnSync(bin("vite"), ["build"], { cwd: app, encoding: "utf8", env: { ...process.env, HC_ENTRY: "broken.html" } });
  assert.notEqual(result.status, 0, "the build should fail");
  assertHc001(`${result.stdout}${result.stderr}`, app);
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function fetchUntil(url, accept, what) {
  const deadline = Date.now() + 20_000;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (response.ok && accept(last)) return last;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${what}: ${url} never answered as expected; last answer:\n${last.slice(0, 2000)}`);
}

test("the dev server serves transformed modules and re-transforms an edited file", { timeout: 60_000 }, async () => {
  const port = await freePort();
  const server = spawn(bin("vite"), ["--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: app,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  try {
    const url = `http://127.0.0.1:${port}/src/TodoList.tsx`;
    const first = await fetchUntil(url, (text) => squash(text).includes("(event,{remove,item})=>remove(item.id)"), "first fetch");
    assertTransformed(first, "dev server");

    const file = join(app, "src/TodoList.tsx");
    writeFileSync(file, readFileSync(file, "utf8").replace("onClick={() => remove(item.id)}", "onClick={() => remove(item.label)}"));
    const second = await fetchUntil(url, (text) => squash(text).includes("{remove,item:{label:item.label}}"), `after the edit (server log:\n${log})`);
    assert.ok(!squash(second).includes("{remove,item:{id:item.id}}"), "the old handler is still served");
  } finally {
    server.kill();
  }
});
