// Issue 11, finding 3 (generated shape param-property): the constructor
// parameter property x is the constructor's own binding; the rewrite
// captures an outer x that is not initialised yet and throws at render.
// @options {}
// @props generated
export function Order0(props: any) {
  const { log } = props;
  const el = <b onClick={() => {
    class P {
      constructor(public x: number) {
        log("h1", x);
      }
    }
    log((new P(7) as any).x);
  }} />;
  const x = 12;
  log(x);
  return el;
}
