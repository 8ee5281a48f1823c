// HC001: the handler writes a captured variable ("héllo" first, so columns
// in characters, UTF-16 units and bytes differ).
export function Counter() {
  let n = 0;
  return <button title="héllo" onClick={() => n++}>{n}</button>;
}
