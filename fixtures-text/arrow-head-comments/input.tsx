// comments and look-alike tokens in every gap of the arrow head: the new
// parameters go after the real `(`, never into a comment or a literal
export function A({ x }) {
  return <b
    onA={async/*a*/</*b*/T/*c*/,>/*d*/(/*e*/e/*f*/:/*g*/E/*h*/)/*i*/:/*j*/R/*k*/=>/*l*/x.y(e)}
    onB={async // (
      <T,>( // ) =>
        e?: /* ? */ E<"(", `)`>, // =>
      ): R => x.y(e)}
    onC={async/*(*/e/*)*/=>/*=>*/x.y(e)}
    onD={(/*(*/e/*?*/?/*:*/)=>x.y(e)}
    onE={({ a = ")" }/*?*/: { a: "?" }) => x.y(a)}
    onF={async => x.y(async)}
    onG={async /* ( */ () => x.y()}
    onH={(e = /\)/, ) => x.y(e)}
    onI={e /* c */ => x.y(e)}
    onJ={async(e)=>x.y(e)}
    onK={(e?) => x.y(e)}
  />;
}
