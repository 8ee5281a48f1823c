import * as ct from "commontools";
import { handler } from "commontools"; export function A({ s }) { return <b onClick={handler((event, { s }) => s.go())({
  s,
})} />; }
