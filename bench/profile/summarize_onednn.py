"""Sums oneDNN's verbose execution lines per primitive and direction, per training step, for one or more logs.

    python3 summarize_onednn.py [--shapes N] LABEL=LOG [LABEL=LOG ...]

A log holds oneDNN verbose lines (oneDNN 2.x `dnnl_verbose,exec,...` or 3.x `onednn_verbose,...,exec,...`, last
field the time in ms) and "step_seconds S" lines, or bench output with "training step, round" progress. The step
count is the number of forward executions of the stem convolution (3 input channels), warm-ups included. With
--shapes N, a second table lists the N primitives (kind, implementation, shape) that take the most time.
"""
import collections
import re
import sys


def summarize(path):
    times = collections.defaultdict(float)
    calls = collections.Counter()
    shapes = collections.defaultdict(float)
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
        shapes[(kind, impl, prop, fields[-2])] += ms
        if kind == "convolution" and prop.startswith("forward") and re.search(r"mb\d+_?ic3oc", line):
            steps += 1
    return times, calls, steps, step_seconds, shapes


def main():
    args = sys.argv[1:]
    top = 0
    if args[:1] == ["--shapes"]:
        top, args = int(args[1]), args[2:]
    for arg in args:
        label, path = arg.split("=", 1)
        times, calls, steps, step_seconds, shapes = summarize(path)
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
        if top:
            print(f"| the {top} costliest primitives | implementation | direction | shape | ms per step | share of oneDNN |")
            print("| --- | --- | --- | --- | ---: | ---: |")
            for (kind, impl, prop, shape), ms in sorted(shapes.items(), key=lambda kv: -kv[1])[:top]:
                print(f"| {kind} | {impl} | {prop} | `{shape}` | {ms / steps:.1f} | {100 * ms / steps / max(total, 1e-9):.0f} % |")
            print()


main()
