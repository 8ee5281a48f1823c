// `next build` on Next.js 15.5 and 16.3 (whose SWC has the older plugin ABI)
// through `withHandlerClosures`, which takes the loader route there, with
// webpack and with Turbopack: the client chunks hold the transformed
// handlers, and an HC001 fails the build naming file:line:column. Each
// version is its own project (next-15/, next-16/, with their lockfiles;
// a modern `browserslist`, so that SWC keeps the handlers' destructuring).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { assertHc001, assertTransformed, chunksWithHandlers, here, run, STUB_MARKER } from "./lib.mjs";

const CONFIG = (extra) => `import { fileURLToPath } from "node:url";
import { withHandlerClosures } from "swc-plugin-handler-closures/next";

const root = fileURLToPath(new URL(".", import.meta.url));

export default withHandlerClosures({
  turbopack: { root },
  outputFileTracingRoot: root,
  typescript: { ignoreBuildErrors: true },${extra}
});
`;

const PAGES = {
  good: `import TodoList from "../src/TodoList";\n\nexport default function Page() {\n  return <main><TodoList /></main>;\n}\n`,
  broken: `"use client";\nimport { Counter } from "../src/broken/Counter";\n\nexport default function Page() {\n  return <Counter />;\n}\n`,
};

function prepare(dir, extra) {
  mkdirSync(join(dir, "src/broken"), { recursive: true });
  for (const input of ["TodoList.tsx", "todos.ts"]) cpSync(join(here, "../e2e/inputs", input), join(dir, "src", input));
  cpSync(join(here, "app/broken/Counter.tsx"), join(dir, "src/broken/Counter.tsx"));
  writeFileSync(join(dir, "next.config.mjs"), CONFIG(extra));
}

const VERSIONS = [
  // [directory, version, [bundler, flags]...]
  ["next-15", "15.5.29", "\n  eslint: { ignoreDuringBuilds: true },", [["webpack", []], ["Turbopack", ["--turbopack"]]]],
  ["next-16", "16.3.8", "", [["webpack", ["--webpack"]], ["Turbopack", []]]],
];

for (const [name, version, extra, bundlers] of VERSIONS) {
  const dir = join(here, name);
  const next = join(dir, "node_modules/.bin/next");
  const build = (flags, page) => {
    writeFileSync(join(dir, "app/page.tsx"), PAGES[page]);
    rmSync(join(dir, ".next"), { recursive: true, force: true });
    return ["build", "--no-mangling", ...flags];
  };
  for (const [bundler, flags] of bundlers) {
    test(`next build ${version} (${bundler}) through withHandlerClosures ships the transformed handlers`, { timeout: 300_000 }, () => {
      prepare(dir, extra);
      const { output, seconds } = run(next, build(flags, "good"), { cwd: dir });
      console.log(`next build ${version} (${bundler}): ${seconds.toFixed(1)}s`);
      assert.match(output, new RegExp(`Next\\.js ${version.replaceAll(".", "\\.")}`), output);
      const chunks = chunksWithHandlers(join(dir, ".next", "static"));
      assert.ok(chunks.length > 0, `no client chunk holds the transformed handlers:\n${output}`);
      for (const { file, code } of chunks) assertTransformed(code, file);
      assert.ok(chunks.some(({ code }) => code.includes(STUB_MARKER)), "the helper module is not in the chunk");
    });

    test(`next build ${version} (${bundler}): an HC001 fails the build naming file:line:column`, { timeout: 300_000 }, () => {
      prepare(dir, extra);
      const result = spawnSync(next, build(flags, "broken"), { cwd: dir, encoding: "utf8" });
      assert.notEqual(result.status, 0, "the build should fail");
      assertHc001(`${result.stdout}${result.stderr}`, join(dir, "src"));
    });
  }
}
