// The reference runtime of BEHAVIOR.md section 0, plus a JSX factory that
// builds plain objects (and calls function components) so tests can render
// and click.
export const handler = (fn) => (params) => (event) => fn(event, params);

export function h(type, props, ...children) {
  props = props ?? {};
  children = children.flat();
  if (typeof type === "function") return type({ ...props, children });
  return { type, props, children };
}
