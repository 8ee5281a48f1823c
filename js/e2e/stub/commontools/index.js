// The reference runtime of handler-closures (BEHAVIOR.md section 0). The
// marker property lets the tests find this module in a bundle.
export const handler = (fn) => (params) => (event) => fn(event, params);
handler.stub = "commontools-stub-handler";
