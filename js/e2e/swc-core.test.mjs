// @swc/core's transformSync with the plugin, in each pinned @swc/core version.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { assertTransformed, HOSTS, inputPath, PLUGIN, squash, swcOptions } from "./lib.mjs";

const require = createRequire(import.meta.url);

const todoList = inputPath("TodoList.tsx");
const source = readFileSync(todoList, "utf8");

for (const [version, pkg] of HOSTS) {
  describe(`@swc/core ${version}`, () => {
    const swc = require(pkg);

    test("is the pinned version", () => {
      assert.equal(swc.version, version);
    });

    test("transformSync rewrites handlers (function bodies, nested, .map)", () => {
      const { code } = swc.transformSync(source, swcOptions(version, [PLUGIN, {}], todoList));
      assertTransformed(code, `@swc/core ${version}`);
      const flat = squash(code);
      assert.ok(flat.startsWith('"useclient";'), `"use client" must stay first:\n${code}`);
      assert.ok(flat.includes('import{handler}from"commontools";'), `no helper import:\n${code}`);
    });

    test("null options mean the defaults", () => {
      const { code } = swc.transformSync(source, swcOptions(version, [PLUGIN, null], todoList));
      assertTransformed(code, `@swc/core ${version}, null options`);
    });

    test("hoist and registry: hoisted, registered handlers keyed by the module id", () => {
      const plugin = [PLUGIN, { hoist: true, registry: { module: "commonfabric", name: "__cfReg" } }];
      // Module ids are relative to the host's cwd.
      const options = { ...swcOptions(version, plugin, todoList), cwd: dirname(dirname(todoList)) };
      const { code } = swc.transformSync(source, options);
      const flat = squash(code);
      assert.ok(flat.startsWith('"useclient";'), `"use client" must stay first:\n${code}`);
      assert.ok(flat.includes('import{__cfReg}from"commonfabric";'), `no registry import:\n${code}`);
      assert.ok(flat.includes("const_TodoList_li_onClick=handler((event,{remove,item})=>remove(item.id));"), code);
      assert.ok(flat.includes('__cfReg("inputs/TodoList.tsx",{"_TodoList_div_onClick":_TodoList_div_onClick,'), code);
      assert.ok(flat.includes('"_TodoList_li_onClick":_TodoList_li_onClick,'), code);
      assert.ok(flat.includes("onClick:_TodoList_li_onClick({remove,item:{id:item.id}})"), code);
      // The hoisted block is initialised before the component.
      assert.ok(flat.indexOf("__cfReg(") < flat.indexOf("functionTodoList("), code);
    });

    test("hoist without a registry marks the handlers pure", () => {
      const { code } = swc.transformSync(source, swcOptions(version, [PLUGIN, { hoist: true }], todoList));
      assert.ok(squash(code).includes("const_TodoList_li_onClick=/*#__PURE__*/handler("), code);
    });

    test("options reach the plugin (captureMode: roots)", () => {
      const plugin = [PLUGIN, { captureMode: "roots" }];
      const { code } = swc.transformSync(source, swcOptions(version, plugin, todoList));
      const flat = squash(code);
      assert.ok(flat.includes("(event,{remove,item})=>remove(item.id))({remove,item})"), code);
      assert.ok(flat.includes("({store,log})"), code);
    });
  });
}
