// What `npm pack` ships: every entry point the package exports exists in
// the tarball, nothing else than the listed files, and the package installs
// next to any @swc/core (no peer dependency on it).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { bin, here } from "./lib.mjs";

const root = join(here, "../..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const EXPECTED = [
  "CHANGELOG.md",
  "LICENSE",
  "README.md",
  "js/api/esbuild.d.ts",
  "js/api/esbuild.js",
  "js/api/file-filter.js",
  "js/api/handler_closures.wasm",
  "js/api/index.d.ts",
  "js/api/index.js",
  "js/api/package.json",
  "js/api/positions.js",
  "js/api/prefilter.js",
  "js/api/wasm-inline.js",
  "js/helper-types/index.d.ts",
  "js/plugins/farm.d.ts",
  "js/plugins/farm.js",
  "js/plugins/loader.cjs",
  "js/plugins/next.cjs",
  "js/plugins/next.d.ts",
  "js/plugins/package.json",
  "js/plugins/rolldown.d.ts",
  "js/plugins/rolldown.js",
  "js/plugins/rollup.d.ts",
  "js/plugins/rollup.js",
  "js/plugins/rspack.d.ts",
  "js/plugins/rspack.js",
  "js/plugins/transform-file.js",
  "js/plugins/types.d.ts",
  "js/plugins/unplugin.js",
  "js/plugins/vite.d.ts",
  "js/plugins/vite.js",
  "js/plugins/webpack.d.ts",
  "js/plugins/webpack.js",
  "package.json",
  "swc_plugin_handler_closures.wasm",
];

test("npm pack ships exactly the listed files", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" }));
  const shipped = packed.files.map((f) => f.path).sort();
  assert.deepEqual(shipped, EXPECTED);
  console.log(`# ${packed.filename}: ${(packed.size / 1e6).toFixed(2)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked`);
});

test("every export points at a shipped file", () => {
  const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)));
  for (const target of targets) assert.ok(EXPECTED.includes(target.replace(/^\.\//, "")), `${target} is not shipped`);
  for (const name of ["vite", "rollup", "rolldown", "webpack", "rspack", "esbuild", "farm", "loader", "next"]) {
    assert.ok(pkg.exports[`./${name}`], `no ./${name} export`);
  }
});

test("package metadata: license, repository, keywords, no peer dependency on @swc/core", () => {
  assert.equal(pkg.license, "MIT");
  assert.ok(pkg.repository?.url, "no repository");
  assert.ok(pkg.keywords.includes("vite-plugin") && pkg.keywords.includes("swc-plugin"));
  assert.equal(pkg.peerDependencies?.["@swc/core"], undefined, "a peer dependency on @swc/core fails installs next to @swc/core 1.15");
});

test("each entry point loads from the installed tarball", async () => {
  for (const name of ["vite", "rollup", "rolldown", "webpack", "rspack", "esbuild", "farm"]) {
    const { default: factory } = await import(`swc-plugin-handler-closures/${name}`);
    assert.equal(typeof factory, "function", name);
  }
  const { withHandlerClosures, chooseRoute } = await import("swc-plugin-handler-closures/next");
  assert.equal(typeof withHandlerClosures, "function");
  assert.deepEqual(
    ["15.5.29", "16.3.8", "16.4.0-canary.1", "16.4.0", "16.4.6", "17.0.0"].map(chooseRoute),
    ["loader", "loader", "loader", "swc-plugin", "swc-plugin", "swc-plugin"],
  );
});

test("the entry points' types check (tsc --strict on types-check.ts)", () => {
  const result = spawnSync(
    bin("tsc"),
    ["--noEmit", "--strict", "--skipLibCheck", "--module", "esnext", "--moduleResolution", "bundler", "--target", "es2022", "types-check.ts"],
    { cwd: here, encoding: "utf8" },
  );
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
});

test("installs next to @swc/core 1.15 (no ERESOLVE): npm resolves the tarball with @swc/core 1.15.47", { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "hc-peer-"));
  try {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" }));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "hc-peer-check", private: true }));
    // Resolution only (no download): what fails with ERESOLVE when the
    // package declares a peer dependency @swc/core >= 1.16.0.
    const result = spawnSync(
      "npm",
      ["install", "--package-lock-only", "--no-audit", "--no-fund", `./${packed.filename}`, "@swc/core@1.15.47"],
      { cwd: dir, encoding: "utf8" },
    );
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
    assert.equal(lock.packages["node_modules/@swc/core"].version, "1.15.47");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
