import { h } from "commontools";

export interface CounterState {
  counter: { get(): number; set(value: number): void };
}

export function Counter({ state }: { state: CounterState }) {
  const step = 2;
  return (
    <button id="inc" onClick={() => state.counter.set(state.counter.get() + step)}>
      {state.counter.get()}
    </button>
  );
}
