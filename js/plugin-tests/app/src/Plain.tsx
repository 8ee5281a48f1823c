// No inline handler here: the plugins' fast path returns it untouched.
export default function Plain() {
  return <p className="plain">nothing to rewrite</p>;
}
