// Type-checks TSX files as `tsc --strict --noEmit --jsx preserve` would, and
// compares each output with its input by their error sets.
//
//   const errors = typeCheck(new Map([[path, text], ...]));  // path -> ["TS2304 Cannot find name 'x'.", ...]
//   newErrors(errors.get(input), errors.get(output))          // what the output adds
//
// Implementation: one TypeScript program over every file (the standard
// library is read once), each file a module of its own (`moduleDetection:
// force`, so scripts do not share a global scope). `commontools`,
// `commonfabric` and each fixture's `helperModule` resolve (`paths`) to one
// generated module that re-exports the helper declaration the package ships
// (js/helper-types/index.d.ts), also under each `helperName`; the JSX
// typings are stub/jsx.d.ts. Other
// imports stay unresolved, which gives the same error in an input and its
// output. Errors are compared without positions (the output moves code), as
// a multiset of "TScode message".
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
export const helperDeclaration = join(repoRoot, "js/helper-types/index.d.ts");
const jsxTypes = join(here, "stub/jsx.d.ts");

export const compilerOptions = {
  strict: true,
  noEmit: true,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: true,
};

/**
 * The module every helper module resolves to: the shipped declaration,
 * re-exported under each helper name the fixtures use.
 */
export function helperModule(names, registries = []) {
  const from = JSON.stringify(helperDeclaration.replace(/\.d\.ts$/, ""));
  const aliases = [...names].filter((n) => n !== "handler").map((n) => `handler as ${n}`);
  // A registry function (`registry.name`) is the runtime's: declared here as
  // the README describes it.
  const registry = [...registries]
    .map((n) => `export declare function ${n}(moduleId: string, handlers: Record<string, unknown>): void;\n`)
    .join("");
  return `export * from ${from};\n${aliases.length ? `export { ${aliases.join(", ")} } from ${from};\n` : ""}${registry}`;
}
const helperModuleFile = join(here, "stub/helper-module.generated.d.ts");

/**
 * Type-checks `files` (path -> text; paths need not exist on disk) with the
 * helper modules `modules`, exporting the names `names`.
 */
export function typeCheck(files, { modules = ["commontools", "commonfabric"], names = ["handler"], registries = [] } = {}) {
  files = new Map(files).set(helperModuleFile, helperModule(names, registries));
  const options = { ...compilerOptions, paths: Object.fromEntries([...modules].map((m) => [m, [helperModuleFile]])) };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => (files.has(f) ? files.get(f) : readFile(f));
  host.fileExists = (f) => files.has(f) || fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, language, onError, fresh) =>
    files.has(f) ? ts.createSourceFile(f, files.get(f), language, true) : getSourceFile(f, language, onError, fresh);
  const program = ts.createProgram({ rootNames: [...files.keys(), jsxTypes], options, host });
  const global = program.getGlobalDiagnostics().map(describe);
  if (global.length) throw new Error(`the checker's setup is broken: ${global.join("; ")}`);
  const errors = new Map();
  for (const path of files.keys()) {
    if (path === helperModuleFile) continue;
    const sf = program.getSourceFile(path);
    const found = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    errors.set(path, found.filter((d) => d.category === ts.DiagnosticCategory.Error).map(describe));
  }
  return errors;
}

// TS2552 is TS2304 with a suggestion ("Did you mean 'handler1'?"), which
// the fresh names of the output can change: compare them as one error.
function describe(d) {
  const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
  if (d.code === 2552) return `TS2304 ${text.replace(/ Did you mean .*$/, "")}`;
  return `TS${d.code} ${text}`;
}

/** The errors of `output` that `input` does not have (as a multiset). */
export function newErrors(input, output) {
  const left = new Map();
  for (const e of input) left.set(e, (left.get(e) || 0) + 1);
  const added = [];
  for (const e of output) {
    const n = left.get(e) || 0;
    if (n > 0) left.set(e, n - 1);
    else added.push(e);
  }
  return added;
}

/** Every fixture pair: fixtures/<group>/<case>/ and fixtures-text/<case>/. */
export function fixturePairs() {
  const pairs = [];
  const walk = (dir, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const sub = join(dir, entry.name);
      const input = join(sub, "input.tsx");
      const output = join(sub, "output.tsx");
      if (existsSync(input) && existsSync(output)) pairs.push({ name: sub.slice(repoRoot.length + 1), input, output });
      else if (depth > 0) walk(sub, depth - 1);
    }
  };
  walk(join(repoRoot, "fixtures"), 1);
  walk(join(repoRoot, "fixtures-text"), 0);
  return pairs.sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads every pair, checks them in one program, returns { name, added } per pair. */
export function checkFixtures(pairs = fixturePairs()) {
  const files = new Map();
  const modules = new Set(["commontools", "commonfabric"]);
  const names = new Set(["handler"]);
  const registries = new Set();
  for (const p of pairs) {
    files.set(p.input, readFileSync(p.input, "utf8"));
    files.set(p.output, readFileSync(p.output, "utf8"));
    const optionsFile = join(dirname(p.input), "options.json");
    const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
    if (options.helperModule) modules.add(options.helperModule);
    if (options.helperName) names.add(options.helperName);
    if (options.registry) {
      modules.add(options.registry.module);
      registries.add(options.registry.name);
    }
  }
  const errors = typeCheck(files, { modules, names, registries });
  return pairs.map((p) => ({
    name: p.name,
    inputErrors: errors.get(p.input).length,
    added: newErrors(errors.get(p.input), errors.get(p.output)),
  }));
}
