"use client";
// Host end-to-end input: handlers with function bodies, a handler nested in
// another handler's body, and handlers in a `.map` callback (the plugin ABI
// break between SWC families only shows on input like this).
import type { MouseEvent } from "react";
import { useTodos } from "./todos";

export default function TodoList() {
  const { items, store, remove } = useTodos();
  function log(message: string) {
    console.log("hc-e2e", message);
  }

  return (
    <div
      onClick={(e: MouseEvent) => {
        const next = store.hcE2eCounter.get() + 1;
        store.hcE2eCounter.set(next);
        log(`clicked ${e.type}`);
      }}
    >
      <ul>
        {items.map((item) => (
          <li key={item.id} onClick={() => remove(item.id)}>
            {item.label}
          </li>
        ))}
      </ul>
      <section
        onPointerDown={() => {
          const reset = <button onClick={() => store.hcE2eCounter.set(0)}>reset</button>;
          log(String(reset));
        }}
      >
        {store.hcE2eCounter.get()}
      </section>
    </div>
  );
}
