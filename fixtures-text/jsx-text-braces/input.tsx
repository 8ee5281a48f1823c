export function Braces({ tpl }) {
  return (
    <div>
      Use {"{"} and {"}"} and &#123; in text, or {`${"{"}`}
      <button onClick={() => tpl.render(`{${tpl.name}}` + "}")}>{"}"}</button>
    </div>
  );
}
