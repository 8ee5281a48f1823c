/* a */ /* b */ export function A({ x }) { return <b onClick={() => x.y()} />; }
