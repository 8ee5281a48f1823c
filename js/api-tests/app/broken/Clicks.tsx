import { h } from "commontools";

// “n” is a plain local: writing it from the handler would land on a copy (HC001).
export function Clicks() {
  let n = 0;
  return <button title="héllo" onClick={() => n++}>clicked {n} times</button>;
}
