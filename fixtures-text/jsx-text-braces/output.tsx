import { handler } from "commontools";
export function Braces({ tpl }) {
  return (
    <div>
      Use {"{"} and {"}"} and &#123; in text, or {`${"{"}`}
      <button onClick={handler((event, { tpl }) => tpl.render(`{${tpl.name}}` + "}"))({ tpl })}>{"}"}</button>
    </div>
  );
}
