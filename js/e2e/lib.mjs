// Shared helpers and expectations of the host end-to-end tests.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const e2eDir = dirname(fileURLToPath(import.meta.url));
export const PLUGIN = "swc-plugin-handler-closures";
export const inputPath = (name) => join(e2eDir, "inputs", name);

/** Set by the `commontools` stub; proves the added import reached the bundle. */
export const STUB_MARKER = "commontools-stub-handler";

/**
 * Whitespace-free fragments of inputs/TodoList.tsx after the transform, as
 * every host prints them (unminified or minified without mangling).
 */
export const TRANSFORMED = {
  // the outer handler: block body, typed first parameter (type stripped)
  outer: "(e,{store,log})=>{",
  // the handler nested in another handler's body
  nested: "(event,{store})=>store.hcE2eCounter.set(0)",
  // the handlers around it capture what it needs
  outerParams: "{store:{hcE2eCounter:store.hcE2eCounter},log}",
  // the handler in the `.map` callback captures the callback's parameter
  mapped: "(event,{remove,item})=>remove(item.id)",
  mappedParams: "{remove,item:{id:item.id}}",
};

/** The `.map` handler as written; must not survive the transform. */
export const UNTRANSFORMED = "()=>remove(item.id)";

export const squash = (text) => text.replace(/\s+/g, "");

/** Asserts that `code` holds every transformed handler of TodoList.tsx. */
export function assertTransformed(code, where) {
  const flat = squash(code);
  for (const [name, fragment] of Object.entries(TRANSFORMED)) {
    assert.ok(flat.includes(fragment), `${where}: missing the ${name} handler \`${fragment}\``);
  }
  assert.ok(!flat.includes(UNTRANSFORMED), `${where}: an untransformed handler is left`);
}

/** Every file under `dir` whose name passes `keep`. */
export function findFiles(dir, keep) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The JS files under `dir` whose text contains the transformed `.map` handler. */
export function chunksWithHandlers(dir) {
  return findFiles(dir, (name) => /\.m?js$/.test(name))
    .map((file) => ({ file, code: readFileSync(file, "utf8") }))
    .filter(({ code }) => squash(code).includes(TRANSFORMED.mapped));
}

/** Runs a command, failing the test with its output when it fails. */
export function run(command, args, options) {
  const started = Date.now();
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  assert.equal(
    result.status,
    0,
    `\`${command} ${args.join(" ")}\` failed (${result.error ?? `exit ${result.status}`}):\n${output}`,
  );
  return { output, seconds: (Date.now() - started) / 1000 };
}

export const bin = (name) => join(e2eDir, "node_modules", ".bin", name);

/** [version, package] of each @swc/core under test (an npm alias for the older one). */
export const HOSTS = [
  ["1.16.0", "swc-core-1.16.0"],
  ["1.16.22", "@swc/core"],
];

/** The options a user would put in .swcrc, plus this test's plugin entry. */
export function swcOptions(version, plugin, filename) {
  return {
    filename,
    swcrc: false,
    configFile: false,
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      target: "es2022",
      transform: { react: { runtime: "automatic" } },
      experimental: {
        plugins: [plugin],
        // one compiled-plugin cache per host version, outside the repository
        cacheRoot: join(tmpdir(), `handler-closures-e2e-swc-${version}`),
      },
    },
  };
}
