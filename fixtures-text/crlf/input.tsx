import { cell } from "commontools";

export function Counter({ state }) {
  return (
    <button
      onClick={() => state.counter.set(state.counter.get() + 1, state.step.get(), state.limits.max)}
    >
      +
    </button>
  );
}
