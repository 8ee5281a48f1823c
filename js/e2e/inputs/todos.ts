// State for TodoList.tsx, in its own module so the values a handler captures
// are opaque to minifiers (they cannot inline them away).
import { useState } from "react";

export type Item = { id: string; label: string };

export function useTodos() {
  const [items, setItems] = useState<Item[]>([
    { id: "a", label: "first" },
    { id: "b", label: "second" },
  ]);
  const [count, setCount] = useState(0);
  return {
    items,
    store: { hcE2eCounter: { get: () => count, set: setCount } },
    remove: (id: string) => setItems(items.filter((it) => it.id !== id)),
  };
}
