export function Bare({ list }) {
  return <List onSelect={item => list.select(item.id)} onClear={async x => await list.clear(x)} />;
}
