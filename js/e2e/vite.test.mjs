// `vite build` with @vitejs/plugin-react-swc's `plugins` option.
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { assertTransformed, bin, chunksWithHandlers, e2eDir, run, STUB_MARKER } from "./lib.mjs";

const app = join(e2eDir, "vite-app");

test("vite build with @vitejs/plugin-react-swc ships the transformed handlers", () => {
  rmSync(join(app, "dist"), { recursive: true, force: true });
  const { output, seconds } = run(bin("vite"), ["build"], { cwd: app });
  console.log(`vite build: ${seconds.toFixed(1)}s`);
  const chunks = chunksWithHandlers(join(app, "dist"));
  assert.ok(chunks.length > 0, `no bundle holds the transformed handlers:\n${output}`);
  for (const { file, code } of chunks) assertTransformed(code, file);
  assert.ok(
    chunks.some(({ code }) => code.includes(STUB_MARKER)),
    "the bundle does not include the helper module (commontools stub)",
  );
});
