// a default import with empty braces gets the specifier inside them
import def, { handler } from "commontools";

export function A({ x }) {
  return <b onClick={handler((event, { x }) => def(x.y))({ x: { y: x.y } })} />;
}
