// Where a diagnostic points, in each bundler's units.
//
// The transform reports a diagnostic's `line`/`endLine` 1-based and its
// `column`/`endColumn` in the unit documented on `Diagnostic` in index.d.ts.
// `columnIndex` is the only function that reads that unit: every position a
// bundler plugin hands to its host (Rollup and Vite: 0-based UTF-16 columns;
// esbuild: 0-based UTF-8 byte columns; messages: the diagnostic's own
// `line:column`) is derived from the UTF-16 index it returns, so a change of
// unit is a change of this one function.
//
//   const lines = sourceLines(source);
//   const at = locate(diagnostic, lines); // { line, column, endColumn, byteColumn, byteLength, lineText }
//   codeFrame(lines, at);                 // "  5 |   return <button onClick={() => n++}>\n    |  ^^^"
//
// Lines are the transform's: ended by "\n", a "\r" before it is not text.

const encoder = new TextEncoder();

/**
 * The 0-based UTF-16 index in `lineText` of a diagnostic column: today
 * 1-based, counted in characters (Unicode scalar values).
 */
export function columnIndex(lineText, column) {
  let index = 0;
  for (let counted = 1; counted < column && index < lineText.length; counted++) {
    index += lineText.codePointAt(index) > 0xffff ? 2 : 1;
  }
  return index;
}

/** The source's lines as the transform counts them. */
export function sourceLines(source) {
  return source.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

/**
 * A diagnostic's position: `line` 1-based; `column`/`endColumn` 0-based
 * UTF-16 indexes in `lineText` (the end clipped to the line when the span
 * goes on); `byteColumn`/`byteLength` the same span in UTF-8 bytes.
 */
export function locate(diagnostic, lines) {
  const lineText = lines[diagnostic.line - 1] ?? "";
  const column = columnIndex(lineText, diagnostic.column);
  const endColumn =
    diagnostic.endLine === diagnostic.line ? Math.max(column, columnIndex(lineText, diagnostic.endColumn)) : lineText.length;
  return {
    line: diagnostic.line,
    lineText,
    column,
    endColumn,
    byteColumn: utf8Length(lineText.slice(0, column)),
    byteLength: utf8Length(lineText.slice(column, endColumn)),
  };
}

/** The located line with a line before and after, and carets under the span. */
export function codeFrame(lines, at) {
  const first = Math.max(1, at.line - 1);
  const last = Math.min(lines.length, at.line + 1);
  const width = String(last).length;
  const out = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === at.line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1]}`);
    if (n === at.line) {
      const pad = at.lineText.slice(0, at.column).replace(/[^\t]/g, " ");
      out.push(`  ${" ".repeat(width)} | ${pad}${"^".repeat(Math.max(1, at.endColumn - at.column))}`);
    }
  }
  return out.join("\n");
}

function utf8Length(text) {
  return encoder.encode(text).length;
}
