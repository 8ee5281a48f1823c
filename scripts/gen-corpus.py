#!/usr/bin/env python3
"""Generates realistic TSX components for benchmarks and codemod runs.

    scripts/gen-corpus.py sizes OUT_DIR          # small.tsx (~1 KB), medium.tsx (~20 KB), large.tsx (~400 KB)
    scripts/gen-corpus.py tree OUT_DIR N         # N files in nested folders (a repository)
    scripts/gen-corpus.py tree OUT_DIR N --refused 5   # plus 5 files with a handler the transform refuses

Deterministic (seeded): the same arguments give the same bytes. Components
mix what real code has: props destructuring, local cells and helpers, member
paths, method calls, optional chains, .map callbacks with handlers, block
and async handlers, user event parameters, comments, attributes that are not
handlers, and files with no handler at all.
"""

import os
import random
import sys

NAMES = ["todo", "user", "cart", "post", "note", "task", "item", "order", "song", "photo"]
FIELDS = ["title", "name", "count", "status", "price", "label", "total", "author", "tags", "done"]
ACTIONS = ["set", "update", "push", "remove", "toggle", "save", "select", "open", "close", "reset"]
TAGS = ["button", "a", "li", "input", "div", "span", "Button", "Card.Action", "IconButton"]


def handler(rng, state, item=None):
    """One inline handler arrow of a random realistic shape."""
    field = rng.choice(FIELDS)
    action = rng.choice(ACTIONS)
    kind = rng.randrange(9)
    if kind == 0:
        return f"() => {state}.{field}.{action}({state}.{field}.get() + 1)"
    if kind == 1:
        return f"(e) => {state}.{field}.set(e.target.value)"
    if kind == 2 and item:
        return f"() => {state}.{action}({item}.id)"
    if kind == 3:
        return (
            f"async () => {{\n        const result = await api.{action}({state}.{field}.get());\n"
            f"        {state}.status.set(result?.ok ? \"done\" : \"error\");\n      }}"
        )
    if kind == 4:
        return f"() => {state}.user?.profile.{action}(limit)"
    if kind == 5:
        return f"(event: MouseEvent) => {{\n        event.preventDefault();\n        track(\"{action}\", {state}.{field});\n      }}"
    if kind == 6:
        return f"() => navigate(`/${{{state}.{field}.get()}}`)"
    if kind == 7:
        return f"() => {{ {state}.items[{state}.index.get()]?.{action}(); }}"
    return f"() => console.log(\"{action}\")"


def component(rng, index, with_handlers=True, refused=False):
    noun = rng.choice(NAMES)
    name = f"{noun.capitalize()}Panel{index}"
    state = f"{noun}State"
    lines = [
        f"/** {name}: shows a {noun} and what can be done with it. */",
        f"export function {name}({{ {state}, items, limit }}: {name}Props) {{",
        f"  const title = {state}.title.get();",
        f"  const visible = items.filter((x) => !x.hidden);",
    ]
    if refused:
        lines.append("  let clicks = 0;")
    lines.append("  return (")
    lines.append(f"    <section className=\"{noun}-panel\" data-count={{visible.length}}>")
    lines.append(f"      <h2>{{title}}</h2>")
    for _ in range(rng.randrange(2, 5)):
        tag = rng.choice(TAGS)
        attr = rng.choice(["onClick", "onChange", "onInput", "onKeyDown", "onSubmit"])
        if with_handlers:
            lines.append(f"      <{tag} {attr}={{{handler(rng, state)}}} aria-label=\"{rng.choice(ACTIONS)}\" />")
        else:
            lines.append(f"      <{tag} className=\"{rng.choice(FIELDS)}\" />")
    if with_handlers:
        lines.append("      {/* one row per visible item */}")
        lines.append("      <ul>")
        lines.append("        {visible.map((row) => (")
        lines.append(f"          <li key={{row.id}} onClick={{{handler(rng, state, 'row')}}}>")
        lines.append("            {row.label}")
        lines.append("          </li>")
        lines.append("        ))}")
        lines.append("      </ul>")
    if refused:
        lines.append("      <button onClick={() => clicks++}>count</button>")
    lines.append("    </section>")
    lines.append("  );")
    lines.append("}")
    lines.append("")
    return "\n".join(lines)


def module(rng, target_bytes, handlers=True, refused=False):
    parts = [
        'import { api, track, navigate } from "../lib";',
        'import { Button, Card, IconButton } from "../ui";',
        "",
    ]
    size = sum(len(p) + 1 for p in parts)
    index = 0
    while size < target_bytes:
        text = component(rng, index, with_handlers=handlers, refused=refused and index == 0)
        parts.append(text)
        size += len(text) + 1
        index += 1
    return "\n".join(parts)


def sizes(out):
    os.makedirs(out, exist_ok=True)
    for name, target in [("small", 1_000), ("medium", 20_000), ("large", 400_000)]:
        rng = random.Random(name)
        with open(os.path.join(out, f"{name}.tsx"), "w") as f:
            f.write(module(rng, target))


def tree(out, count, refused=0):
    rng = random.Random(f"tree-{count}")
    for i in range(count):
        folder = os.path.join(out, "src", f"feature{i % 40}", f"part{(i // 40) % 10}")
        os.makedirs(folder, exist_ok=True)
        handlers = rng.random() < 0.8
        text = module(rng, rng.choice([600, 1_500, 3_000]), handlers=handlers, refused=i < refused)
        with open(os.path.join(folder, f"Component{i}.tsx"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "sizes":
        sizes(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "tree":
        refused = int(sys.argv[5]) if len(sys.argv) >= 6 and sys.argv[4] == "--refused" else 0
        tree(sys.argv[2], int(sys.argv[3]), refused)
    else:
        sys.exit(__doc__)
