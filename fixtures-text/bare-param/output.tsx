import { handler } from "commontools";
export function Bare({ list }) {
  return <List onSelect={handler((item, { list }) => list.select(item.id))({ list })} onClear={handler(async (x, { list }) => await list.clear(x))({
    list,
  })} />;
}
