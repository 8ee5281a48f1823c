#!/usr/bin/env python3
"""Deeply nested inputs for the cargo-fuzz `source` target (issue 11, finding 6).

Writes two sets of files into OUT_DIR, each file being the `source` target's
input format (one selector byte, then the source text; selector 0 is TSX
with the default options, see fuzz/fuzz_targets/source.rs):

  OUT_DIR/fit/<kind>   nested as deep as fits in MAX_LEN bytes (the length
                       libFuzzer mutates within; default 8192): seeds for
                       the fuzzing run
  OUT_DIR/deep/<kind>  nested as deep as the inputs that overflowed the
                       CLI's stack (3,000 parentheses, 5,000 JSX elements or
                       object literals, 2,000 handlers...): run once each

Example:

  python3 scripts/gen-deep-seeds.py /tmp/deep            # /tmp/deep/{fit,deep}/...
  python3 scripts/gen-deep-seeds.py /tmp/deep --max-len 8192
  python3 scripts/gen-deep-seeds.py /tmp/deep --print jsx  # one deep source on stdout

Implementation notes: the files are generated rather than committed (the
deep ones are 10-150 KB). Each kind is a function of the depth; the fit
variant takes the largest depth whose input fits (binary search). Output is
deterministic.
"""

import argparse
import os
import sys

SELECTOR_TSX_DEFAULT = b"\x00"


def parens(n):
    return "export const a = " + "(" * n + "1" + ")" * n + ";\n"


def arrays(n):
    return "export const a = " + "[" * n + "1" + "]" * n + ";\n"


def objects(n):
    return "export const o = " + "{ a: " * n + "1" + " }" * n + ";\n"


def jsx(n):
    return "export const A = () => " + "<a>" * n + "x" + "</a>" * n + ";\n"


def fragments(n):
    return "export const A = () => " + "<>" * n + "x" + "</>" * n + ";\n"


def jsx_children(n):
    # JSX expression containers around JSX: <a>{<a>{...}</a>}</a>
    return "export const A = () => " + "<a>{" * n + "1" + "}</a>" * n + ";\n"


def handlers(n):
    inner = "log(1)"
    head = "export function C({ log }: any) {\n  return "
    # <b onClick={() => log(<b onClick={() => log(...)} />)} />
    return head + "<b onClick={() => log(" * n + inner + ")} />" * n + ";\n}\n"


def handlers_in_jsx(n):
    # handlers whose JSX children hold handlers that capture a local
    head = "export function C({ log }: any) {\n  const x = 1;\n  return "
    return head + "<b onClick={() => log(x)}>" * n + "x" + "</b>" * n + ";\n}\n"


def arrows(n):
    return "export const f = " + "() => " * n + "1;\n"


def blocks(n):
    return "export function f() " + "{ " * n + "return 1; " + "} " * n + "\n"


def ternaries(n):
    return "export const t = (c: any) => " + "c ? 1 : " * n + "0;\n"


def binary(n):
    # left-deep: the parser loops, but every visitor recurses
    return "export const s = (x: any) => x" + " + x" * n + ";\n"


def unary(n):
    return "export const u = " + "!" * n + "1;\n"


def members(n):
    return "export const m = (x: any) => x" + ".a" * n + ";\n"


def calls(n):
    return "export const c = (f: any) => f" + "()" * n + ";\n"


def templates(n):
    return "export const s = " + "`${" * n + "1" + "}`" * n + ";\n"


# kind -> (source of depth n, depth of the deep variant)
KINDS = {
    "parens": (parens, 3000),
    "arrays": (arrays, 5000),
    "objects": (objects, 5000),
    "jsx": (jsx, 5000),
    "fragments": (fragments, 5000),
    "jsx-children": (jsx_children, 5000),
    "handlers": (handlers, 2000),
    "handlers-in-jsx": (handlers_in_jsx, 2000),
    "arrows": (arrows, 5000),
    "blocks": (blocks, 5000),
    "ternaries": (ternaries, 5000),
    "binary": (binary, 20000),
    "unary": (unary, 10000),
    "members": (members, 10000),
    "calls": (calls, 10000),
    "templates": (templates, 3000),
}


def encoded(source):
    return SELECTOR_TSX_DEFAULT + source.encode()


def deepest_fitting(make, max_len):
    lo, hi = 1, 1
    while len(encoded(make(hi))) <= max_len:
        hi *= 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(encoded(make(mid))) <= max_len:
            lo = mid
        else:
            hi = mid - 1
    return lo


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", nargs="?")
    ap.add_argument("--max-len", type=int, default=8192)
    ap.add_argument("--print", metavar="KIND", choices=sorted(KINDS), help="print one deep source (no selector byte) and exit")
    args = ap.parse_args()
    if args.print:
        make, depth = KINDS[args.print]
        sys.stdout.write(make(depth))
        return
    if not args.out_dir:
        ap.error("OUT_DIR is required")
    for sub in ("fit", "deep"):
        os.makedirs(os.path.join(args.out_dir, sub), exist_ok=True)
    for kind, (make, depth) in KINDS.items():
        fit = deepest_fitting(make, args.max_len)
        with open(os.path.join(args.out_dir, "fit", kind), "wb") as f:
            f.write(encoded(make(fit)))
        with open(os.path.join(args.out_dir, "deep", kind), "wb") as f:
            f.write(encoded(make(depth)))


if __name__ == "__main__":
    main()
