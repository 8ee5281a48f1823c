// Self-tests of the program generators and of the false-positive oracle:
// a seed always gives the same program, the shape selection is honoured, and
// notRewritten tells a rewritten safe handler from a refused one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateProgram, renderProgram } from "./lib/generate.mjs";
import { generateOrderProgram, ORDER_SHAPES, ORDER_SHAPE_NAMES } from "./lib/generate-order.mjs";
import { notRewritten } from "./lib/false-positives.mjs";

test("generators: a seed gives the same program every time", () => {
  for (const seed of [1, 2, 77]) {
    assert.equal(renderProgram(generateProgram(seed).tree), renderProgram(generateProgram(seed).tree));
    const a = generateOrderProgram(seed);
    const b = generateOrderProgram(seed);
    assert.equal(renderProgram(a.tree), renderProgram(b.tree));
    assert.deepEqual(a.safe, b.safe);
  }
  assert.notEqual(renderProgram(generateOrderProgram(1).tree), renderProgram(generateOrderProgram(2).tree));
});

test("order generator: only the selected shapes, safe markers only from safe shapes", () => {
  for (const name of ORDER_SHAPE_NAMES) {
    for (let seed = 1; seed <= 5; seed++) {
      const p = generateOrderProgram(seed, { shapes: [name] });
      const source = renderProgram(p.tree);
      assert.ok(p.shapes.every((s) => s === name));
      assert.match(source, new RegExp(`// shape: ${name}\\n`));
      if (ORDER_SHAPES[name].safe) assert.ok(p.safe.length > 0, `${name}: no safe marker`);
      else assert.deepEqual(p.safe, []);
      for (const m of p.safe) assert.ok(source.includes(JSON.stringify(m)), `${name}: marker ${m} not in the program`);
    }
  }
  assert.throws(() => generateOrderProgram(1, { shapes: ["no-such-shape"] }), /unknown shape/);
});

test("false-positive oracle: a rewritten handler passes, one left as written is reported", () => {
  const rewritten = `<b onClick={/* c */ handler((event, { label }) => log("h1", label))({ label })} />`;
  const aliased = `<b onClick={handler1(async (event, { log }) => log("h2"))({ log })} />`;
  const namespaced = `<b on:click={__ctHelpers.handler((event, params) => log("h3"))({})} />`;
  const refused = `<i onClick={() => log("h4", label)} /><b onClick={handler((event, { x }) => log("h5", x))({ x })} />`;
  assert.deepEqual(notRewritten(rewritten + aliased + namespaced, ["h1", "h2", "h3"]), []);
  assert.deepEqual(notRewritten(refused, ["h4", "h5"]), ["h4"]);
  assert.deepEqual(notRewritten(refused, ["h9"]), ["h9"], "a marker missing from the output counts as not rewritten");
  // hoisted (hoist: true): the marker sits in a module-level binding used by an attribute
  const hoisted = `const _C_b_onClick = /*#__PURE__*/ handler((event, { label }) => log("h6", label));\nexport function C({ label }) { return <i onClick={() => log("h7", label)} />; }\n<b onClick={_C_b_onClick({ label })} />`;
  assert.deepEqual(notRewritten(hoisted, ["h6", "h7"]), ["h7"]);
  const unused = `const _C_b_onClick = /*#__PURE__*/ handler((event, { label }) => log("h8", label));\n<b onClick={other({ label })} />`;
  assert.deepEqual(notRewritten(unused, ["h8"]), ["h8"], "a hoisted binding no attribute calls does not count");
});
