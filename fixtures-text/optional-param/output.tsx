import { handler } from "commontools";
export function Opt({ s }) {
  return (
    <>
      <b onClick={handler((e: MouseEvent, { s }) => s.go(e))({ s })} />
      <i onClick={handler((e, { s }) => s.set(e))({ s })} />
    </>
  );
}
