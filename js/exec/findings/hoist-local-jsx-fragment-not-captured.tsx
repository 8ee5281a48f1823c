// Finding (hoist work, also without hoist): a local classic JSX fragment
// factory (`/** @jsxFrag Frag */`, Frag a binding of the component) is read by
// a fragment inside the handler, but the rewritten handler does not capture
// it. With hoist: true the handler is correctly left inline (BEHAVIOR.md
// section 5), but its callback is still not closed: the harness's closedness
// check (runtime.js) re-evaluates it from module scope and `<>x</>`
// (`h(Frag, null, "x")`) throws ReferenceError: Frag is not defined. Same
// output without hoist. The same holds for a local `h` under `/** @jsx h */`.
// Output (text back end):
//   export function A({ s, Frag }) {
//     return <b onClick={handler((event, { s }) => s.show(<>x</>))({ s })} />;
//   }
// replay: node js/exec/replay.mjs js/exec/findings/hoist-local-jsx-fragment-not-captured.tsx
/** @jsx h */
/** @jsxFrag Frag */
import { h } from "preact";
export function A({ s, Frag }) {
  return <b onClick={() => s.show(<>x</>)} />;
}
