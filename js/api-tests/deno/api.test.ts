// The same module under Deno 2 (the `deno` npm package's binary): transform a
// file, and run an esbuild build (npm:esbuild) with the plugin.
// Run by ../run.sh: deno test --allow-read --allow-write --allow-env --allow-run deno/
// (type-checked: it also checks js/api/index.d.ts against this use).
import * as esbuild from "npm:esbuild@0.28.2";

import { formatDiagnostic, handlerClosures, transform } from "../../api/index.js";
import { cell, findById, originalPositionOf } from "../lib.mjs";

const app = new URL("../app/", import.meta.url).pathname;

function assert(condition: unknown, message: unknown): asserts condition {
  if (!condition) throw new Error(String(message));
}

function assertMatch(text: string, pattern: RegExp) {
  assert(pattern.test(text), `${JSON.stringify(text.slice(0, 2000))} does not match ${pattern}`);
}

Deno.test("transform a file", async () => {
  const source = await Deno.readTextFile(`${app}src/Counter.tsx`);
  const result = await transform(source, { filename: "Counter.tsx" });
  assert(result.rewritten === 1, `rewritten ${result.rewritten}`);
  assert(result.diagnostics.length === 0, JSON.stringify(result.diagnostics));
  assertMatch(result.code, /^import \{ h, handler \} from "commontools";/);
  assertMatch(result.code, /handler\(\(event, \{ state, step \}\) => state\.counter\.set\(state\.counter\.get\(\) \+ step\)\)/);
  assert(result.map !== null, "no source map");
  const map = JSON.parse(result.map);
  assert(map.sources[0] === "Counter.tsx", map.sources);
  const line = source.split("\n").findIndex((l) => l.includes("state.counter.get() + step"));
  assert(originalPositionOf(result.code, map, "state.counter.get() + step")?.line === line, "source map line");
});

Deno.test("diagnostics come back as data", async () => {
  const source = await Deno.readTextFile(`${app}broken/Clicks.tsx`);
  const { diagnostics } = await transform(source, { filename: "Clicks.tsx" });
  assert(diagnostics.length === 1 && diagnostics[0].code === "HC001", JSON.stringify(diagnostics));
  assertMatch(formatDiagnostic(diagnostics[0], "broken/Clicks.tsx"), /^broken\/Clicks\.tsx:6:\d+: error\[HC001\]: /);
  const bad = await transform("const a = <div>;", { filename: "bad.tsx" });
  assert(bad.diagnostics[0].code === "HC101", JSON.stringify(bad.diagnostics));
});

Deno.test({
  name: "esbuild build with the plugin inside Deno",
  // esbuild keeps its service process between builds; stopped at the end.
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    try {
      const result = await esbuild.build({
        absWorkingDir: app,
        entryPoints: ["src/main.tsx"],
        bundle: true,
        format: "esm",
        platform: "neutral",
        jsxFactory: "h",
        write: false,
        outdir: "dist",
        logLevel: "silent",
        plugins: [handlerClosures()],
      });
      const bundle = result.outputFiles[0].text;
      assertMatch(bundle, /handler\(\(event, \{ state: (\w+), step: (\w+) \}\) => \1\.counter\.set\(/);
      const url = `data:text/javascript;base64,${btoa(unescape(encodeURIComponent(bundle)))}`;
      const { render } = await import(url);
      const state = { counter: cell(5) };
      const tree = render(state, { items: [] });
      findById(tree, "inc").props.onClick({ type: "click" });
      assert(state.counter.get() === 7, `counter ${state.counter.get()}`);

      const failure = await esbuild
        .build({
          absWorkingDir: app,
          entryPoints: ["broken/main.tsx"],
          bundle: true,
          write: false,
          jsxFactory: "h",
          logLevel: "silent",
          plugins: [handlerClosures()],
        })
        .then(
          () => null,
          (e) => e,
        );
      assert(failure, "the broken build should fail");
      const [message] = (failure as esbuild.BuildFailure).errors;
      assert(message.location?.file === "broken/Clicks.tsx", message.location?.file);
      assert(message.location?.line === 6, message.location?.line);
      assertMatch(message.text, /^\[HC001\] /);
    } finally {
      await esbuild.stop();
    }
  },
});
