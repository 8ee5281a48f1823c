// Type declaration of the `handler` helper that handler-closures' output
// calls (BEHAVIOR.md section 2), for runtimes or test stubs that ship none:
//
//   declare module "commontools" { export { handler } from "swc-plugin-handler-closures/helper"; }
//
// `handler(fn)` returns a binder, `handler(fn)(params)` the listener. The
// rewritten arrow's event parameter has no contextual type of its own any
// more (the JSX prop typed it before), so `E` defaults to `any`: the output
// type-checks under `tsc --strict` wherever the input did.
export declare function handler<E = any, P = any>(
  fn: (event: E, params: P) => unknown,
): (params: P) => (event: E) => unknown;
