import { h } from "commontools";

export function TodoList({ todos }) {
  return (
    <ul>
      {todos.items.map((item, index) => (
        <li id={`todo-${index}`} onClick={(e) => todos.items.splice(todos.items.indexOf(item), 1)}>
          {item}
        </li>
      ))}
    </ul>
  );
}
