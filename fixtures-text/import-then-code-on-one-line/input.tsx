import * as ct from "commontools"; export function A({ s }) { return <b onClick={() => s.go()} />; }
