// Entry whose import holds an HC001 handler: the build must fail.
import { createRoot } from "react-dom/client";
import { Counter } from "./Counter";

createRoot(document.getElementById("root")!).render(<Counter />);
