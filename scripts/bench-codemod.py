#!/usr/bin/env python3
"""Codemod throughput against its floor, in the same run.

    scripts/bench-codemod.py CLI FLOOR TREE

Times `CLI --check TREE` (the whole codemod without writing) and
`FLOOR TREE` (walk, read and parse every file, nothing else) with one and
two threads, best of three runs each, and prints files/second, the ratio
ours / floor (goal at most 1.3), the two-thread speed-up (reported only:
the machines are shared) and the codemod's peak memory.
"""

import os
import resource
import subprocess
import sys
import time


def run(cmd):
    best = None
    peak = 0
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        # 2 = some handlers refused or files not parsed: a normal codemod
        # outcome on real code; anything else is a crash.
        if proc.returncode not in (0, 1, 2):
            sys.exit(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
        best = elapsed if best is None else min(best, elapsed)
    return best


def peak_rss_kb(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def main():
    cli, floor, tree = sys.argv[1:4]
    files = sum(1 for root, _, names in os.walk(tree) for n in names if n.endswith((".tsx", ".jsx")))
    if files == 0:
        sys.exit(f"no .tsx/.jsx files under {tree}")
    print(f"| threads | floor (read+parse) | codemod --check | files/s (codemod) | ours / floor |")
    print("|---|---|---|---|---|")
    times = {}
    for threads in (1, 2):
        f = run([floor, "--threads", str(threads), tree])
        c = run([cli, "--check", "--threads", str(threads), tree])
        times[threads] = c
        print(f"| {threads} | {f:.3f} s | {c:.3f} s | {files / c:,.0f} | {c / f:.2f} |")
    print(f"\ntwo-thread speed-up of the codemod: {times[1] / times[2]:.2f}x ({files} files)")
    peak = peak_rss_kb([cli, "--check", "--threads", "2", tree])
    total = sum(os.path.getsize(os.path.join(r, n)) for r, _, ns in os.walk(tree) for n in ns)
    print(f"peak memory of the codemod: {peak / 1024:.1f} MiB for {total / 1024 / 1024:.1f} MiB of sources")


if __name__ == "__main__":
    main()
