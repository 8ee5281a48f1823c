// Farm 1 with `swc-plugin-handler-closures/farm`: the bundle holds the
// transformed handlers, its map points into the handler bodies, and an
// HC001 fails the build naming file:line:column. Farm's maps are
// line-granular (one segment per generated line, with or without the plugin).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { build } from "@farmfe/core";
import handlerClosures from "swc-plugin-handler-closures/farm";
import { assertHc001, assertMapsIntoHandlerBody, assertTransformed, chunksWithHandlers, makeApp } from "./lib.mjs";

const app = makeApp("farm", {
  "broken.html": `<!doctype html><div id="root"></div><script type="module" src="./broken/main.tsx"></script>\n`,
});

function farmOptions(html, outDir) {
  return {
    root: app,
    configPath: false,
    compilation: {
      input: { index: `./${html}` },
      output: { path: outDir, targetEnv: "browser-esnext" },
      minify: false,
      sourcemap: true,
      persistentCache: false,
    },
    server: { hmr: false },
  };
}

function farmBuild(html, outDir) {
  return build({ ...farmOptions(html, outDir), plugins: [handlerClosures()] });
}

test("farm bundles the transformed handlers with a map into the handler bodies", { timeout: 120_000 }, async () => {
  await farmBuild("index.html", "dist");
  const chunks = chunksWithHandlers(join(app, "dist"));
  assert.equal(chunks.length, 1);
  assertTransformed(chunks[0].code, "farm");
  // Farm's maps have one segment per generated line (also without this
  // plugin), so only the line is checked here.
  assertMapsIntoHandlerBody(chunks[0].code, JSON.parse(readFileSync(`${chunks[0].file}.map`, "utf8")), app, { lineOnly: true });
});

// Farm exits the process when a build fails: that build runs in a child.
test("an HC001 fails the farm build naming file:line:column", { timeout: 120_000 }, () => {
  const script = `
    import { build } from "@farmfe/core";
    import handlerClosures from "swc-plugin-handler-closures/farm";
    await build({ ...${JSON.stringify(farmOptions("broken.html", "dist-broken"))}, plugins: [handlerClosures()] });
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: app, encoding: "utf8" });
  assert.notEqual(result.status, 0, "the build should fail");
  assertHc001(`${result.stdout}${result.stderr}`, app);
});
