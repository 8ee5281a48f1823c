import { cell, handler } from "commontools";

export function Counter({ state }) {
  return (
    <button
      onClick={handler((event, { state }) => state.counter.set(state.counter.get() + 1, state.step.get(), state.limits.max))({
        state: { counter: state.counter, step: state.step, limits: { max: state.limits.max } },
      })}
    >
      +
    </button>
  );
}
