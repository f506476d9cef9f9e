"""The SAM loop of bench/sam-steps.ts in mpmath, for a side-by-side rate and a cross-check.

Reads {"dps", "matrix", "x0", "rho", "eta", "steps", "seconds"} as JSON on stdin (numbers as
decimal strings), runs x <- x - eta * A (x + rho * g/|g|) with g = A x, recording the measures
samcheck records, and prints
{"backend", "mpmath", "stepsPerSecond", "final"} as JSON.
"""
import json
import sys
import time

import mpmath
from mpmath import mp


def main():
    job = json.load(sys.stdin)
    mp.dps = job["dps"]
    A = [[mp.mpf(v) for v in row] for row in job["matrix"]]
    rho = mp.mpf(job["rho"])
    eta = mp.mpf(job["eta"])
    x0 = [mp.mpf(v) for v in job["x0"]]

    def run(steps):
        # The same work per step as samcheck's run: the measures f(x_t) - f* = x'Ax/2 (here
        # c = 0, f* = 0), |grad f(x_t)|^2 and their running average, then the SAM step.
        x = list(x0)
        gaps, grad_norm_sq, averages, total = [], [], [], mp.mpf(0)
        for t in range(steps):
            g = [mpmath.fdot(row, x) for row in A]
            g_norm_sq = mpmath.fdot(g, g)
            total += g_norm_sq
            gaps.append(mpmath.fdot(x, g) / 2)
            grad_norm_sq.append(g_norm_sq)
            averages.append(total / (t + 1))
            scale = rho / mp.sqrt(g_norm_sq)
            y = [xi + scale * gi for xi, gi in zip(x, g)]
            gy = [mpmath.fdot(row, y) for row in A]
            x = [xi - eta * gi for xi, gi in zip(x, gy)]
        return x

    final = run(job["steps"])
    # Rate: repeat the whole run until the time budget is spent.
    runs, start = 0, time.perf_counter()
    while True:
        run(job["steps"])
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= job["seconds"]:
            break
    print(json.dumps({
        "backend": mpmath.libmp.BACKEND,
        "mpmath": mpmath.__version__,
        "python": sys.version.split()[0],
        "stepsPerSecond": runs * job["steps"] / elapsed,
        "final": [mpmath.nstr(v, job["dps"], strip_zeros=False) for v in final],
    }))


main()
