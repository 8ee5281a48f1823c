// The README's esbuild, Node and Deno sections work as written for someone who installs the package: `npm
// pack` the repository root, install the tarball (and esbuild) in a new
// project, write every ```lang file=NAME block of the doc into it and run
// every ```sh run block, with Deno from this directory's node_modules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tests = join(here, "..");
const root = join(tests, "../..");
const doc = readFileSync(join(root, "README.md"), "utf8");
const esbuildVersion = JSON.parse(readFileSync(join(tests, "node_modules/esbuild/package.json"), "utf8")).version;

// Fenced blocks, also indented ones (inside list items).
const blocks = [...doc.matchAll(/^( *)```(\w+)([^\n]*)\n([\s\S]*?)^\1```$/gm)].map(([, indent, lang, info, body]) => ({
  lang,
  file: /file=(\S+)/.exec(info)?.[1],
  run: /\brun\b/.test(info),
  body: body.replace(new RegExp(`^${indent}`, "gm"), ""),
}));

test("the README's esbuild, Node and Deno examples work from an npm pack tarball", { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "hc-package-"));
  const env = {
    ...process.env,
    PATH: `${join(tests, "node_modules/.bin")}:${process.env.PATH}`,
    DENO_NO_UPDATE_CHECK: "1",
    NO_COLOR: "1",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
  const sh = (command) => execSync(command, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  try {
    const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" }));
    const shipped = packed.files.map((f) => f.path);
    for (const file of ["js/api/index.js", "js/api/index.d.ts", "js/api/package.json", "js/api/wasm-inline.js", "js/api/handler_closures.wasm", "js/helper-types/index.d.ts"]) {
      assert.ok(shipped.includes(file), `${file} is not in the package: ${shipped}`);
    }
    console.log(`# tarball ${packed.filename}: ${(packed.size / 1e6).toFixed(2)} MB packed, ${(packed.unpackedSize / 1e6).toFixed(2)} MB unpacked`);

    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "hc-docs-check", private: true, type: "module" }));
    sh(`npm install --prefer-offline --no-audit --no-fund ./${packed.filename} esbuild@${esbuildVersion}`);

    const files = blocks.filter((b) => b.file);
    assert.ok(files.length >= 6, `file blocks: ${files.map((b) => b.file)}`);
    for (const block of files) {
      mkdirSync(dirname(join(dir, block.file)), { recursive: true });
      writeFileSync(join(dir, block.file), block.body);
    }
    const outputs = [];
    for (const block of blocks.filter((b) => b.run)) {
      for (const command of block.body.split("\n").filter((l) => l.trim())) {
        outputs.push([command, sh(command)]);
      }
    }
    assert.ok(outputs.length >= 5, `commands: ${outputs.map(([c]) => c)}`);

    const rewritten = /handler\(\(event, \{ state(: \w+)? \}\) ?=> ?\w+\.count\.set\(\w+\.count\.get\(\) \+ 1\)\)\(\{\s*state: \{\s*count: state\.count\s*\},?\s*\}\)/;
    // Every command but the builds prints the transformed file.
    for (const [command, stdout] of outputs) {
      if (!command.includes("build")) assert.match(stdout, rewritten, `${command} printed:\n${stdout}`);
    }
    for (const bundle of ["dist/main.js", "dist/deno.js"]) {
      assert.ok(existsSync(join(dir, bundle)), `${bundle} was not written`);
      assert.match(readFileSync(join(dir, bundle), "utf8"), rewritten, bundle);
    }
    const map = JSON.parse(readFileSync(join(dir, "dist/main.js.map"), "utf8"));
    assert.ok(map.sources.some((s) => s.endsWith("src/main.tsx")), `sources: ${map.sources}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
