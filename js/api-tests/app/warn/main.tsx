import { h } from "commontools";

// `this` in a handler still refers to the component: rewritten, with HC007.
export class Panel {
  label = "panel";
  render() {
    const prefix = "clicked ";
    return <button onClick={() => this.log(prefix + this.label)}>{this.label}</button>;
  }
  log(text: string) {
    return text;
  }
}
