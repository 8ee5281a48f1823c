// A server component rendering the client component under test.
import TodoList from "../../inputs/TodoList";

export default function Page() {
  return (
    <main>
      <TodoList />
    </main>
  );
}
