// The same API in a real browser (headless Chromium, when installed:
// `apt-get install chromium`, or CHROMIUM=/path/to/chrome): the embedded
// module, the module fetched from its URL (streaming compile), and an
// esbuild-wasm build with the plugin reading files through `readFile`.
// Everything is served from 127.0.0.1 by this test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const roots = {
  "/api/": join(here, "../../api/"),
  "/esbuild-wasm/": join(here, "../node_modules/esbuild-wasm/"),
  "/app/": join(here, "../app/"),
};
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".tsx": "text/plain", ".jsx": "text/plain" };

function findChromium() {
  for (const name of [process.env.CHROMIUM, "chromium", "chromium-browser", "google-chrome"].filter(Boolean)) {
    try {
      execFileSync(name, ["--version"], { stdio: "ignore" });
      return name;
    } catch {}
  }
  return null;
}

const page = `<!doctype html><meta charset="utf-8"><title>handler-closures</title>
<script type="module">
import { init, transform, transformSync, handlerClosures } from "/api/index.js";
import * as esbuild from "/esbuild-wasm/esm/browser.js";
const results = {};
try {
  const text = async (path) => (await fetch(path)).text();
  const counter = await text("/app/src/Counter.tsx");
  results.processIsUndefined = typeof process === "undefined";
  results.embedded = (await transform(counter, { filename: "Counter.tsx" })).rewritten;
  await init(fetch("/api/handler_closures.wasm"));
  results.fetched = transformSync(counter, { filename: "Counter.tsx" }).rewritten;

  const files = {
    "/src/main.tsx": await text("/app/src/main.tsx"),
    "/src/Counter.tsx": counter,
    "/src/TodoList.jsx": await text("/app/src/TodoList.jsx"),
  };
  const virtual = {
    name: "virtual-files",
    setup(build) {
      build.onResolve({ filter: /^commontools$/ }, () => ({ path: "commontools", external: true }));
      build.onResolve({ filter: /.*/ }, (args) => {
        const base = args.kind === "entry-point" ? args.path : new URL(args.path, "http://x" + args.importer).pathname;
        const path = [base, base + ".tsx", base + ".jsx"].find((p) => p in files);
        return { path, namespace: "file" };
      });
    },
  };
  await esbuild.initialize({ wasmURL: "/esbuild-wasm/esbuild.wasm", worker: false });
  const result = await esbuild.build({
    entryPoints: ["/src/main.tsx"],
    bundle: true,
    write: false,
    format: "esm",
    jsxFactory: "h",
    logLevel: "silent",
    plugins: [virtual, handlerClosures({ readFile: (path) => files[path] })],
  });
  results.bundle = result.outputFiles[0].text;
} catch (error) {
  results.error = String(error && error.stack || error);
}
await fetch("/result", { method: "POST", body: JSON.stringify(results) });
</script>`;

const chromium = findChromium();

// Outside CI a machine without Chromium skips this test; in CI (.ci/run
// installs Debian's chromium) a missing browser is a failure, not a skip.
const skip = chromium || process.env.CI ? false : "no chromium installed";
test("runs unchanged in a browser (Chromium): embedded, fetched, esbuild-wasm", { skip, timeout: 120_000 }, async () => {
  assert.ok(chromium, "Chromium is required in CI (apt-get install chromium)");
  let resolveResult;
  const received = new Promise((resolve) => (resolveResult = resolve));
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    if (req.method === "POST" && url.pathname === "/result") {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        res.end("ok");
        resolveResult(JSON.parse(body));
      });
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end(page);
      return;
    }
    const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
    const file = prefix && normalize(join(roots[prefix], url.pathname.slice(prefix.length)));
    if (!file || !file.startsWith(roots[prefix])) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const profile = mkdtempSync(join(tmpdir(), "hc-chromium-"));
  const browser = spawn(
    chromium,
    ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", `--user-data-dir=${profile}`, `http://127.0.0.1:${server.address().port}/`],
    { stdio: "ignore" },
  );
  try {
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("no result from the browser within 90 s")), 90_000).unref());
    const results = await Promise.race([received, timeout]);
    assert.equal(results.error, undefined, results.error);
    assert.equal(results.processIsUndefined, true);
    assert.equal(results.embedded, 1);
    assert.equal(results.fetched, 1);
    assert.match(results.bundle, /handler\(\(event, \{ state: (\w+), step: (\w+) \}\) => \1\.counter\.set\(/);
    assert.match(results.bundle, /handler\d*\(\(e, \{ todos: (\w+), item: (\w+) \}\) => \1\.items\.splice\(/);
  } finally {
    const exited = new Promise((resolve) => browser.once("exit", resolve));
    browser.kill();
    await exited;
    server.close();
    // Chromium's helper processes can still be writing to the profile for a
    // moment after the browser exits: retry, and never fail on cleanup.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    } catch (e) {
      console.warn(`could not remove ${profile}: ${e.message}`);
    }
  }
});
