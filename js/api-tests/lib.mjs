// Helpers shared by the Node and Deno tests (portable: no node: imports).

/** Walks a rendered tree (stub `h` objects) and returns the element with this id. */
export function findById(node, id) {
  if (!node || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findById(child, id);
      if (found) return found;
    }
    return null;
  }
  if (node.props?.id === id) return node;
  return findById(node.children, id);
}

/** A cell like the target runtimes': stable identity, value inside. */
export function cell(value) {
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
  };
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/**
 * Decodes a source map's `mappings` into lines of segments
 * `[generatedColumn, sourceIndex, originalLine, originalColumn]` (0-based).
 */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(";")) {
    const segments = [];
    let generated = 0;
    for (const segment of text.split(",")) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generated += values[0];
      if (values.length >= 4) {
        source += values[1];
        line += values[2];
        column += values[3];
        segments.push([generated, source, line, column]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * The original position (0-based line and column, and source name) of the
 * first occurrence of `needle` (a string or a regex) in `code`, through `map`
 * (a parsed source map).
 */
export function originalPositionOf(code, map, needle) {
  const offset = typeof needle === "string" ? code.indexOf(needle) : code.search(needle);
  if (offset < 0) throw new Error(`not in the output: ${needle}`);
  const before = code.slice(0, offset);
  const line = before.split("\n").length - 1;
  const column = offset - (before.lastIndexOf("\n") + 1);
  const segments = decodeMappings(map.mappings)[line] ?? [];
  let best = null;
  for (const segment of segments) {
    if (segment[0] <= column) best = segment;
  }
  if (!best) return null;
  return { source: map.sources[best[1]], line: best[2], column: best[3] };
}

/** A TSX component with `n` handlers (about 180 bytes each), for size tests. */
export function bigComponent(name, n) {
  let body = "";
  for (let i = 0; i < n; i++) {
    body += `      <button id="b${i}" onClick={() => state.items[${i}].set(state.count.get() + ${i})}>item {state.items[${i}].get()}</button>\n`;
  }
  return `export function ${name}({ state }: { state: State }) {\n  return (\n    <div>\n${body}    </div>\n  );\n}\n`;
}

/**
 * A realistic TSX module of about `bytes` bytes: components with state
 * paths, map callbacks, event parameters, nested handlers, block bodies,
 * handlers that capture nothing, and one refused handler (HC001) per cycle.
 */
export function realisticFile(bytes) {
  const parts = [
    `import { h } from "commontools";\nimport type { Cell, Todo } from "./types";\n\n`,
  ];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const part = `export function TodoApp${i}({ state, todos, remove }: { state: AppState; todos: Todo[]; remove: (id: string) => void }) {
  const title = state.title.get();
  let clicks = 0;
  const format = (t: Todo) => \`\${t.done ? "✓" : "·"} \${t.label}\`;
  return (
    <section class="app">
      <h1 onClick={() => state.editing.set(!state.editing.get())}>{title}</h1>
      <input
        value={state.draft.get()}
        onInput={(e: InputEvent) => state.draft.set((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && state.draft.get().trim()) {
            state.items.push({ id: crypto.randomUUID(), label: state.draft.get(), done: false });
            state.draft.set("");
          }
        }}
      />
      <ul>
        {todos.map((todo, index) => (
          <li key={todo.id} class={todo.done ? "done" : ""} onClick={() => state.selected.set(todo.id)}>
            <input type="checkbox" checked={todo.done} onChange={() => state.toggle(todo.id, index)} />
            <span onDblClick={() => state.editing.set(todo.id)}>{format(todo)}</span>
            <button onClick={() => remove(todo.id)} aria-label="remove">×</button>
          </li>
        ))}
      </ul>
      <footer>
        <button onClick={() => state.filter.set("all")}>all</button>
        <button onClick={() => state.filter.set("active")}>active</button>
        <button onClick={() => console.log("help")}>help</button>
        <button onClick={async () => { await state.sync.run(state.items, { force: true }); }}>sync</button>
        <button onClick={() => clicks++}>clicked {clicks}</button>
      </footer>
    </section>
  );
}

`;
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}
