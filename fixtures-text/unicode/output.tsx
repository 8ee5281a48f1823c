import { toast } from "./toast";
import { handler } from "commontools";

export function Café({ café, ünïcode }) {
  const 名前 = "こんにちは";
  return (
    <p title="🎉 fête">
      Bonjour 👋 — {名前}
      <button onClick={handler((event, { 名前, café, ünïcode }) => toast(`${名前} 🎉`, café.menu, ünïcode))({
        名前,
        café: { menu: café.menu },
        ünïcode,
      })}>Fête 🥳</button>
    </p>
  );
}
