export function Bom({ s }) {
  return <b onClick={() => s.go()} />;
}
