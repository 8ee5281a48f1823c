// Errors reach the user through the host: our code, a code frame, the field.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { HOSTS, inputPath, PLUGIN, swcOptions } from "./lib.mjs";

const require = createRequire(import.meta.url);

const writesCapture = inputPath("WritesCapture.tsx");
const todoList = inputPath("TodoList.tsx");

/** The error `transformSync` throws (a string in some @swc/core versions). */
function transformError(swc, source, options) {
  try {
    swc.transformSync(source, options);
  } catch (err) {
    return String(err?.message ?? err);
  }
  assert.fail("the transform succeeded; it should have failed");
}

for (const [version, pkg] of HOSTS) {
  describe(`@swc/core ${version}`, () => {
    const swc = require(pkg);

    test("a handler writing a captured variable fails with HC001 and a code frame", () => {
      const source = readFileSync(writesCapture, "utf8");
      const message = transformError(swc, source, swcOptions(version, [PLUGIN, {}], writesCapture));
      assert.match(message, /HC001/, message);
      // the code frame: its header (file:line:column), then the offending line
      assert.match(message, /,-\[[^\]]*WritesCapture\.tsx:5:\d+\]/, message);
      assert.match(message, /\b5 \|.*onClick=\{\(\) => n\+\+\}/, message);
    });

    test("invalid options fail with a message naming the field", () => {
      const source = readFileSync(todoList, "utf8");
      const plugin = [PLUGIN, { captureMode: "bogus" }];
      const message = transformError(swc, source, swcOptions(version, plugin, todoList));
      assert.match(message, /captureMode/, message);
      assert.doesNotMatch(message, /swc_core version/i, `looks like a plugin panic:\n${message}`);
    });

    test("an unknown option is named", () => {
      const source = readFileSync(todoList, "utf8");
      const plugin = [PLUGIN, { captureMod: "roots" }];
      const message = transformError(swc, source, swcOptions(version, plugin, todoList));
      assert.match(message, /captureMod/, message);
    });
  });
}
