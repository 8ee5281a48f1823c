import { handler } from "commontools";
export function Outer({ rows, remove, log }) {
  return (
    <ul onClick={handler((event, { log, rows, remove }) => log(rows.length, <li onClick={handler((event, { remove, rows }) => remove(rows.first))({
      remove,
      rows: { first: rows.first },
    })} />))({
      log,
      rows: { length: rows.length, first: rows.first },
      remove,
    })}>
      {rows.map((row) => <li key={row.id} onClick={handler((event, { remove, row }) => remove(row))({
        remove,
        row,
      })} />)}
    </ul>
  );
}
