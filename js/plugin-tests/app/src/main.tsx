// Entry of the bundler plugin tests: TodoList.tsx and todos.ts are copied
// from js/e2e/inputs (handlers with function bodies, a nested handler, a
// `.map` callback), Plain.tsx has no handler (the fast path leaves it).
import { createRoot } from "react-dom/client";
import Plain from "./Plain";
import TodoList from "./TodoList";

createRoot(document.getElementById("root")!).render(
  <>
    <Plain />
    <TodoList />
  </>,
);
