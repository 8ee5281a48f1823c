export function Opt({ s }) {
  return (
    <>
      <b onClick={(e?: MouseEvent) => s.go(e)} />
      <i onClick={(e?) => s.set(e)} />
    </>
  );
}
