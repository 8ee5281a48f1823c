import { createRoot } from "react-dom/client";
import TodoList from "../../inputs/TodoList";

createRoot(document.getElementById("root")!).render(<TodoList />);
