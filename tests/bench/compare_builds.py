#!/usr/bin/env python3
"""Builds one site with two or more wegwijzer binaries, in alternating order, and prints the
median wall time, CPU time and stage timings of each, and whether their outputs are the same.

For a change that should make a build faster and change nothing else: build the binary before
and after it, then

    tests/bench/compare_builds.py --source . OLD/wegwijzer NEW/wegwijzer

Builds alternate (ABAB..., then BABA...) because this machine's speed changes from minute to
minute: a slow spell then hits both binaries. Output goes to tmpfs (/dev/shm) unless --work says
otherwise; a disk's file creation varies too much to compare. Exit status 1 when a build fails,
or with --require-same when two outputs differ.
"""

import argparse
import filecmp
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def build(binary, args, output):
    """One build: (wall ms, CPU ms, {stage: ms}); exits when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([binary, "build", "--source", args.source, "--output", output,
                          "--jobs", str(args.jobs), "--timings", "--quiet"],
                         capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit(f"{binary} failed ({run.returncode}):\n{run.stderr}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"(\w+)\s+([\d.]+) ms", run.stdout)}
    return wall, cpu, stages


def same_tree(a, b):
    """True when folders a and b hold the same files with the same bytes."""
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(
        same_tree(os.path.join(a, d), os.path.join(b, d)) for d in cmp.common_dirs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binaries", nargs="+", help="wegwijzer binaries to compare")
    parser.add_argument("--source", default=".", help="the site folder (default: .)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs of every build (default: 2)")
    parser.add_argument("--runs", type=int, default=10, help="builds of each binary (default: 10)")
    parser.add_argument("--work", default="/dev/shm" if os.path.isdir("/dev/shm") else None,
                        help="where the outputs go (default: /dev/shm)")
    parser.add_argument("--over-previous", action="store_true",
                        help="build over the previous output, which is then replaced")
    parser.add_argument("--require-same", action="store_true",
                        help="fail when the binaries' outputs differ")
    args = parser.parse_args()
    args.source = os.path.abspath(args.source)
    work = tempfile.mkdtemp(prefix="wegwijzer-compare-", dir=args.work)
    try:
        outputs = [os.path.join(work, f"out-{i}") for i in range(len(args.binaries))]
        results = [{"wall": [], "cpu": [], "stages": {}} for _ in args.binaries]
        order = list(range(len(args.binaries)))
        for run in range(args.runs):
            for i in (order if run % 2 == 0 else order[::-1]):
                if not args.over_previous:
                    shutil.rmtree(outputs[i], ignore_errors=True)
                wall, cpu, stages = build(args.binaries[i], args, outputs[i])
                results[i]["wall"].append(wall)
                results[i]["cpu"].append(cpu)
                for stage, ms in stages.items():
                    results[i]["stages"].setdefault(stage, []).append(ms)
        print(f"{args.source}, --jobs {args.jobs}, {args.runs} builds each, alternating, "
              f"output in {work}{', over the previous output' if args.over_previous else ''}")
        for binary, r in zip(args.binaries, results):
            stages = ", ".join(f"{s} {statistics.median(v):.1f}" for s, v in r["stages"].items())
            print(f"  {binary}\n    wall {statistics.median(r['wall']):.1f} ms "
                  f"({min(r['wall']):.1f}-{max(r['wall']):.1f}), "
                  f"CPU {statistics.median(r['cpu']):.1f} ms; stages: {stages}")
        differing = [b for b, out in zip(args.binaries[1:], outputs[1:])
                     if not same_tree(outputs[0], out)]
        print("  outputs: " + ("the same" if not differing else
                               "differ from the first's: " + ", ".join(differing)))
        return 1 if differing and args.require_same else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
