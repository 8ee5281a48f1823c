// HC007 (a warning): the handler reads `this`; it is rewritten all the same.
export class Widget {
  label = "widget";
  render(prefix: string) {
    return <b onClick={() => this.log(prefix + this.label)}>{prefix}</b>;
  }
  log(text: string) {
    console.log(text);
  }
}
