import { toast } from "./toast";

export function Café({ café, ünïcode }) {
  const 名前 = "こんにちは";
  return (
    <p title="🎉 fête">
      Bonjour 👋 — {名前}
      <button onClick={() => toast(`${名前} 🎉`, café.menu, ünïcode)}>Fête 🥳</button>
    </p>
  );
}
