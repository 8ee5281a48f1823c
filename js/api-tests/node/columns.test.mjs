// Diagnostic columns after astral characters (issue 11, finding 21): the JS
// API reports 1-based columns in characters (Unicode scalar values), as its
// types say and as the CLI does; the esbuild plugin converts them to
// esbuild's 0-based UTF-8 byte columns, so esbuild's caret lands on the token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as esbuild from "esbuild";

import { formatDiagnostic, handlerClosures, transform } from "../../api/index.js";

// HC001 on `n`: the line holds two emoji (astral: two UTF-16 units and four
// bytes each) and an accented letter before it.
const line = '  return <b title="😀é😀" onClick={() => n++} />;';
const source = `export function C() {\n  let n = 0;\n${line}\n}\n`;
const before = line.slice(0, line.indexOf("n++"));
const characters = Array.from(before).length; // 0-based, in characters
const bytes = Buffer.byteLength(before);

test("the units differ on this line (the test can tell them apart)", () => {
  assert.deepEqual([characters, before.length, bytes], [39, 41, 46]);
});

for (const output of ["splice", "print"]) {
  test(`JS API (${output}): columns count characters`, async () => {
    const r = await transform(source, { filename: "a.tsx", output });
    const [d] = r.diagnostics;
    assert.equal(d.code, "HC001");
    assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [3, characters + 1, 3, characters + 2]);
    assert.match(formatDiagnostic(d, "a.tsx"), new RegExp(`^a\\.tsx:3:${characters + 1}: error\\[HC001\\]`));
  });
}

test("esbuild plugin: the location is in esbuild's UTF-8 bytes and the caret lands on the token", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hc-columns-"));
  try {
    writeFileSync(join(dir, "a.tsx"), source);
    const error = await esbuild
      .build({ absWorkingDir: dir, entryPoints: ["a.tsx"], bundle: false, write: false, logLevel: "silent", plugins: [handlerClosures()] })
      .then(() => assert.fail("the build should fail"), (e) => e);
    const [message] = error.errors;
    assert.equal(message.location.line, 3);
    assert.equal(message.location.column, bytes);
    assert.equal(message.location.length, 1);
    // esbuild draws the caret under the character at that byte column.
    const [formatted] = await esbuild.formatMessages([message], { kind: "error", color: false });
    const lines = formatted.split("\n");
    const shown = lines.find((l) => l.includes(line));
    const caret = lines[lines.indexOf(shown) + 1];
    const textStart = shown.indexOf(line);
    assert.equal(caret.indexOf("^") - textStart, characters, formatted);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
