export function Outer({ rows, remove, log }) {
  return (
    <ul onClick={() => log(rows.length, <li onClick={() => remove(rows.first)} />)}>
      {rows.map((row) => <li key={row.id} onClick={() => remove(row)} />)}
    </ul>
  );
}
