import { handler } from "commontools";
export function Bom({ s }) {
  return <b onClick={handler((event, { s }) => s.go())({ s })} />;
}
