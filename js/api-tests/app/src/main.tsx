// A small app for the esbuild tests: renders with the stub runtime's `h`
// and exposes the tree so a test can click the handlers.
import { h } from "commontools";
import { Counter, type CounterState } from "./Counter";
import { TodoList } from "./TodoList.jsx";

export function render(state: CounterState, todos: { items: string[] }) {
  return (
    <main>
      <Counter state={state} />
      <TodoList todos={todos} />
    </main>
  );
}
