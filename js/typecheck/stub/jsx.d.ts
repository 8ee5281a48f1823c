// The JSX typings the fixtures are checked against: a React-ish minimum
// (intrinsic elements take any attribute; the common event attributes are
// typed with DOM events, as React's are, so an input arrow's parameter has a
// contextual type the rewrite takes away). Components return anything.
//
// Implementation: a global `JSX` namespace, which TypeScript uses for
// `--jsx preserve` when no `jsxImportSource` is set.
declare namespace JSX {
  type Element = any;
  interface ElementChildrenAttribute {
    children: {};
  }
  interface EventAttributes {
    onClick?: (event: MouseEvent) => void;
    onDblClick?: (event: MouseEvent) => void;
    onMouseDown?: (event: MouseEvent) => void;
    onInput?: (event: InputEvent) => void;
    onChange?: (event: Event) => void;
    onSubmit?: (event: SubmitEvent) => void;
    onKeyDown?: (event: KeyboardEvent) => void;
    onFocus?: (event: FocusEvent) => void;
  }
  interface IntrinsicAttributes {
    key?: string | number;
  }
  type IntrinsicProps = EventAttributes & { [attribute: string]: any };
  interface IntrinsicElements {
    [tag: string]: IntrinsicProps;
  }
}
