/* a */ /* b */
import { handler } from "commontools";
export function A({ x }) { return <b onClick={handler((event, { x }) => x.y())({ x })} />; }
