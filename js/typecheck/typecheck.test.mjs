// The codemod's output must type-check wherever its input did (BEHAVIOR.md
// section 2; issue 11, finding 19): `tsc --strict --noEmit --jsx preserve`
// over every fixture's input.tsx and output.tsx (fixtures/ and
// fixtures-text/), against the helper declaration the package ships. An
// output with an error its input does not have fails; inputs with errors of
// their own are fine (most fixtures leave props untyped). Known failures are
// listed in known.json and reported as todo.
//
//   cd js/typecheck && npm ci && node --test
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkFixtures, fixturePairs, helperDeclaration, newErrors, repoRoot, typeCheck } from "./typecheck.mjs";

const known = JSON.parse(readFileSync(new URL("./known.json", import.meta.url), "utf8"));
const pairs = fixturePairs();
const results = checkFixtures(pairs);

test("the helper stubs of the tests declare what the package ships", () => {
  const shipped = readFileSync(helperDeclaration, "utf8");
  for (const stub of ["js/e2e/stub/commontools/index.d.ts"])
    assert.equal(readFileSync(join(repoRoot, stub), "utf8"), shipped, `${stub} differs from js/helper-types/index.d.ts`);
});

test("checker: an untyped event parameter takes the helper's default and passes", () => {
  const input = `export function C({ log }: { log: (x: number) => void }) { return <b onClick={(e) => log(e.clientX)} />; }\n`;
  const output = `import { handler } from "commontools";\nexport function C({ log }: { log: (x: number) => void }) { return <b onClick={handler((e, { log }) => log(e.clientX))({ log })} />; }\n`;
  const errors = typeCheck(new Map([["/virtual/in.tsx", input], ["/virtual/out.tsx", output]]));
  assert.deepEqual(errors.get("/virtual/in.tsx"), []);
  assert.deepEqual(errors.get("/virtual/out.tsx"), []);
});

test("checker: an output that loses the prop's type is flagged", () => {
  // Without the helper, the two-parameter arrow does not fit `onClick`.
  const input = `export function C({ log }: { log: (x: number) => void }) { return <b onClick={(e) => log(e.clientX)} />; }\n`;
  const output = `export function C({ log }: { log: (x: number) => void }) { return <b onClick={(e, { log }) => log(e.clientX)} />; }\n`;
  const errors = typeCheck(new Map([["/virtual/in.tsx", input], ["/virtual/out.tsx", output]]));
  assert.notDeepEqual(newErrors(errors.get("/virtual/in.tsx"), errors.get("/virtual/out.tsx")), []);
});

test("checker: errors are compared as a multiset without positions", () => {
  assert.deepEqual(newErrors(["TS1 a", "TS1 a"], ["TS1 a"]), []);
  assert.deepEqual(newErrors(["TS1 a"], ["TS1 a", "TS1 a", "TS2 b"]), ["TS1 a", "TS2 b"]);
});

test("known.json names only existing fixtures", () => {
  const names = new Set(pairs.map((p) => p.name));
  for (const name of Object.keys(known)) if (name !== "//") assert.ok(names.has(name), `no fixture ${name}`);
});

for (const r of results) {
  test(`types: ${r.name}`, { todo: known[r.name] }, () => {
    assert.deepEqual(r.added, [], `the output has errors its input does not (${r.inputErrors} in the input)`);
  });
}

test("the fixtures were checked", () => {
  assert.ok(results.length >= 150, `only ${results.length} fixture pairs`);
  console.log(`# typecheck: ${results.length} fixture pairs, ${results.filter((r) => r.added.length).length} outputs with new errors`);
});
