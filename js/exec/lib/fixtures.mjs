// The golden fixtures as execution cases: every fixtures/<group>/<case>/
// input.tsx, with its options.json and the entry of fixtures.json (skip
// reasons, props, expected throws).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, readJson } from "./harness.mjs";

export const listFile = new URL("../fixtures.json", import.meta.url);

export function loadFixtureCases() {
  const list = JSON.parse(readFileSync(listFile, "utf8"));
  const root = join(repoRoot, "fixtures");
  const cases = [];
  for (const group of readdirSync(root, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const c of readdirSync(join(root, group.name), { withFileTypes: true })) {
      if (!c.isDirectory()) continue;
      const dir = join(root, group.name, c.name);
      const input = join(dir, "input.tsx");
      if (!existsSync(input)) continue;
      const name = `${group.name}/${c.name}`;
      cases.push({
        name,
        source: readFileSync(input, "utf8"),
        options: readJson(join(dir, "options.json"), {}),
        skip: list.skip?.[name],
        props: list.props?.[name],
        noEvents: list.noEvents?.[name],
        throws: list.throws?.[name],
        globals: list.globals?.[name],
        open: list.open?.[name],
      });
    }
  }
  return { cases, list };
}

// Props for a fixture: auto values, with the listed props set to the given
// JSON values (the rest of the props object stays automatic).
export function fixtureProps(props) {
  if (!props) return undefined;
  return `(() => { const p = __hc.auto("props"); Object.assign(p, ${JSON.stringify(props)}); return p; })()`;
}
