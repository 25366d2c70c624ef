"""Sums oneDNN's verbose execution lines per primitive and direction, per training step, for one or more logs.

    python3 summarize_onednn.py LABEL=LOG [LABEL=LOG ...]

A log holds oneDNN verbose lines (oneDNN 2.x `dnnl_verbose,exec,...` or 3.x `onednn_verbose,...,exec,...`, last
field the time in ms) and "step_seconds S" lines, or bench output with "training step, round" progress. The step
count is the number of forward executions of the stem convolution (3 input channels), warm-ups included.
"""
import collections
import re
import sys


def summarize(path):
    times = collections.defaultdict(float)
    calls = collections.Counter()
    steps = 0
    step_seconds = []
    for line in open(path, errors="replace"):
        line = line.strip()
        if line.startswith("step_seconds ") and not line.endswith("warmup"):
            step_seconds.append(float(line.split()[1]))
            continue
        if "verbose" not in line.split(",")[0] or ",exec," not in line:
            continue
        fields = line.split(",")
        try:
            ms = float(fields[-1])
        except ValueError:
            continue
        i = fields.index("exec")
        # after "exec": engine (cpu), primitive kind, implementation, propagation kind, ...
        kind, impl, prop = fields[i + 2], fields[i + 3], fields[i + 4]
        key = (kind, prop)
        times[key] += ms
        calls[key] += 1
        if kind == "convolution" and prop.startswith("forward") and re.search(r"mb\d+_?ic3oc", line):
            steps += 1
    return times, calls, steps, step_seconds


def main():
    for arg in sys.argv[1:]:
        label, path = arg.split("=", 1)
        times, calls, steps, step_seconds = summarize(path)
        steps = max(steps, 1)
        total = sum(times.values()) / steps
        print(f"## {label}: {steps} steps seen; oneDNN total {total:.0f} ms per step")
        if step_seconds:
            s = sorted(step_seconds)
            print(f"median step (profiled steps only): {s[len(s) // 2] * 1e3:.0f} ms over {len(s)}")
        print()
        print("| primitive | direction | ms per step | calls per step |")
        print("| --- | --- | ---: | ---: |")
        for (kind, prop), ms in sorted(times.items(), key=lambda kv: -kv[1]):
            print(f"| {kind} | {prop} | {ms / steps:.0f} | {calls[(kind, prop)] / steps:.0f} |")
        print()


main()
