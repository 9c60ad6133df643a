"""Reference values of the total variation distance for TotalVariationTest (issue 13), with NumPy:
TV(p, q) = 0.5 * sum(|p/sum(p) - q/sum(q)|).  Run: python3 tools/tv_reference.py"""
import numpy as np

CASES = [
    ([0.2, 0.3, 0.5], [0.5, 0.3, 0.2]),
    ([12, 30, 58], [1, 1, 1]),
    ([0.1, 0.0, 0.9], [0.0, 1.0, 0.0]),
    ([3, 7], [3, 7]),
    ([0.0212, 0.4, 0.3001, 0.2787], [0.25, 0.25, 0.25, 0.25]),
]
for p, q in CASES:
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    print(repr(float(0.5 * np.abs(p / p.sum() - q / q.sum()).sum())))
