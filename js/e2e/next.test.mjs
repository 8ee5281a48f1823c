// `next build` of a small app-router app with experimental.swcPlugins, with
// Turbopack (Next 16's default) and with webpack (`--webpack`).
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { assertTransformed, bin, chunksWithHandlers, e2eDir, run, STUB_MARKER } from "./lib.mjs";

const app = join(e2eDir, "next-app");

for (const [bundler, flags] of [
  ["Turbopack", []],
  ["webpack", ["--webpack"]],
]) {
  test(`next build (${bundler}) ships the transformed handlers in the client chunk`, () => {
    rmSync(join(app, ".next"), { recursive: true, force: true });
    // --no-mangling keeps names readable in the minified chunks
    const { output, seconds } = run(bin("next"), ["build", "--no-mangling", ...flags], {
      cwd: app,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    console.log(`next build (${bundler}): ${seconds.toFixed(1)}s`);
    assert.match(output, new RegExp(`Next\\.js 16\\.4\\.6 \\(${bundler}\\)`, "i"), output);
    const chunks = chunksWithHandlers(join(app, ".next", "static"));
    assert.ok(chunks.length > 0, `no client chunk holds the transformed handlers:\n${output}`);
    for (const { file, code } of chunks) assertTransformed(code, file);
    assert.ok(
      chunks.some(({ code }) => code.includes(STUB_MARKER)),
      "the chunk does not include the helper module (commontools stub)",
    );
  });
}
