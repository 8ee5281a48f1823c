// comments and look-alike tokens in every gap of the arrow head: the new
// parameters go after the real `(`, never into a comment or a literal
import { handler } from "commontools";
export function A({ x }) {
  return <b
    onA={handler(async/*a*/</*b*/T/*c*/,>/*d*/(/*e*/e/*f*/:/*g*/E, { x }: any/*h*/)/*i*/:/*j*/R/*k*/=>/*l*/x.y(e))({
      x,
    })}
    onB={handler(async // (
      <T,>( // ) =>
        e: /* ? */ E<"(", `)`>, { x }: any, // =>
      ): R => x.y(e))({ x })}
    onC={handler(async/*(*/(e, { x })/*)*/=>/*=>*/x.y(e))({ x })}
    onD={handler((/*(*/e, { x }/*?*//*:*/)=>x.y(e))({ x })}
    onE={handler(({ a = ")" }/*?*/: { a: "?" }, { x }) => x.y(a))({ x })}
    onF={handler((async, { x }) => x.y(async))({ x })}
    onG={handler(async /* ( */ (event, { x }) => x.y())({ x })}
    onH={handler((e = /\)/, { x }, ) => x.y(e))({ x })}
    onI={handler((e, { x }) /* c */ => x.y(e))({ x })}
    onJ={handler(async(e, { x })=>x.y(e))({ x })}
    onK={handler((e, { x }) => x.y(e))({ x })}
  />;
}
