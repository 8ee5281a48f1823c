// Finding (issue 11, finding 5): a TypeScript enum declared again later in
// the same function (declaration merging). The second declaration adds `E.B`
// to the enum object when it runs, after the JSX; the original handler reads
// `E.B` at the event (2), a rewrite that captures the path `E.B` reads it at
// render (undefined under TypeScript's own emit). esbuild inlines enum
// member values, so only the TypeScript-emit run of the harness sees it.
// The later declaration is a write to the enum object: the path must stop at
// `E` (or the handler be refused).
export function Panel({ log }: { log: (v: unknown) => void }) {
  enum E {
    A = 1,
  }
  const button = <button onClick={() => log(E.B)}>b</button>;
  enum E {
    B = 2,
  }
  return button;
}
