// Host end-to-end input for diagnostics: the handler writes a captured
// variable (HC001), so the plugin must fail the transform with a code frame.
export function Counter() {
  let n = 0;
  return <button onClick={() => n++}>{n}</button>;
}
