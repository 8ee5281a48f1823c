"use client";
import { cell } from "commontools";

export function Counter({ state, items }: { state: State; items: Item[] }) {
  const label = "count";
  return (
    <div>
      <button onClick={() => state.counter.set(state.counter.get() + 1)}>+</button>
      <span title={label}>{state.counter.get()}</span>
      <ul>
        {items.map((item) => (
          <li key={item.id} onClick={() => state.selected.set(item.id)}>
            {item.name}
          </li>
        ))}
      </ul>
      <input onChange={(e: InputEvent) => state.user?.rename((e.target as any).value)} />
      <button onClick={() => console.log(label)}>log</button>
    </div>
  );
}
