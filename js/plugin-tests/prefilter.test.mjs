// The fast path and the file filters of the bundler plugins: the text scan
// never rules out a file the transform would change (every fixture, with its
// options), rules out files without handlers, and the filters keep
// node_modules and misplaced attribute names out.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createFileFilter, splitPluginOptions } from "../api/file-filter.js";
import { createPrefilter } from "../api/prefilter.js";
import { initSync, transformSync } from "../api/index.js";
import { here } from "./lib.mjs";

const fixtures = join(here, "../../fixtures");
initSync(readFileSync(join(here, "../api/handler_closures.wasm")));

test("the scan says yes for every fixture the transform changes", () => {
  let checked = 0;
  for (const group of readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    for (const name of readdirSync(join(fixtures, group), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
      const dir = join(fixtures, group, name);
      if (!existsSync(join(dir, "input.tsx"))) continue;
      const code = readFileSync(join(dir, "input.tsx"), "utf8");
      const options = existsSync(join(dir, "options.json")) ? JSON.parse(readFileSync(join(dir, "options.json"), "utf8")) : {};
      let result;
      try {
        result = transformSync(code, { ...options, filename: "input.tsx", sourceMap: false });
      } catch {
        continue; // invalid options (HC100 fixtures)
      }
      if (result.rewritten === 0 && result.diagnostics.length === 0) continue;
      checked++;
      assert.ok(createPrefilter(options)(code), `${group}/${name}: the scan would skip a file with handlers`);
    }
  }
  assert.ok(checked > 100, `only ${checked} fixtures checked`);
});

test("the scan says no for files without handlers", () => {
  const scan = createPrefilter({});
  for (const code of [
    "export const x = 1;",
    'export default () => <p className="plain">{items.map((i) => i.label)}</p>;',
    "const position = { json: 1 }; const button = () => {};",
  ]) {
    assert.equal(scan(code), false, code);
  }
  assert.equal(scan("<a onClick={() => go()} />"), true);
  assert.equal(scan("<a\n  onClick = /* why */ {(e) => go(e)} />"), true);
  assert.equal(createPrefilter({ attributePrefix: "ev" })("<a evTap={() => go()} />"), true);
  assert.equal(createPrefilter({ attributePattern: "^handle" })("<a handleTap={() => go()} />"), true);
});

test("file filters: defaults, node_modules, queries, virtual modules", () => {
  const accepts = createFileFilter(undefined, undefined);
  assert.equal(accepts("/app/src/App.tsx"), true);
  assert.equal(accepts("/app/src/App.jsx?v=12"), true);
  assert.equal(accepts("/app/src/legacy.js"), true);
  assert.equal(accepts("/app/src/types.ts"), false);
  assert.equal(accepts("/app/node_modules/kit/Button.jsx"), false);
  assert.equal(accepts("C:\\app\\node_modules\\kit\\Button.jsx"), false);
  assert.equal(accepts("\0virtual:App.tsx"), false);
  const onlyTsx = createFileFilter(/\.tsx$/, [/legacy/]);
  assert.equal(onlyTsx("/app/src/legacy/Old.tsx"), false);
  assert.equal(onlyTsx("/app/src/App.jsx"), false);
});

test("an attribute name in exclude is refused (HC100); excludeAttributes reaches the transform", () => {
  assert.throws(() => splitPluginOptions({ exclude: ["onClickOutside"] }), (e) => e.code === "HC100" && e.field === "exclude[0]");
  assert.deepEqual(splitPluginOptions({ excludeAttributes: ["onFoo"], include: /x/ }).transformOptions, { exclude: ["onFoo"] });
});
