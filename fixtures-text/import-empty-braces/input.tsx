// a default import with empty braces gets the specifier inside them
import def, {} from "commontools";

export function A({ x }) {
  return <b onClick={() => def(x.y)} />;
}
