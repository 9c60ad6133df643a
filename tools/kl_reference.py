"""Reference values of the Kullback-Leibler divergence for KullbackLeiblerTest (issue 13), with SciPy:
KL(p || q) = scipy.stats.entropy(p, q, base=b), each distribution normalised by its own sum; infinite
where q gives 0 to an option p gives mass.  Run: python3 tools/kl_reference.py > \
pluralstats-core/src/test/resources/org/pluralstats/stats/kl_reference.csv"""
import numpy as np
import scipy
from scipy.stats import entropy

CASES = [
    ([0.2, 0.3, 0.5], [0.5, 0.3, 0.2]),
    ([12, 30, 58], [1, 1, 1]),
    ([0.1, 0.0, 0.9], [0.2, 0.5, 0.3]),
    ([0.1, 0.2, 0.7], [0.0, 0.5, 0.5]),
    ([3, 7], [3, 7]),
    ([0.0212, 0.4, 0.3001, 0.2787], [0.25, 0.25, 0.25, 0.25]),
    ([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0.1] * 10),
]
rng = np.random.default_rng(20261203)
for k in (2, 3, 5, 8, 11):
    p = rng.dirichlet(np.ones(k))
    q = rng.dirichlet(np.ones(k))
    CASES.append((list(p), list(q)))

print("# scipy " + scipy.__version__ + ", numpy " + np.__version__ + ": p;q;kl_base_e;kl_base_2")
for p, q in CASES:
    e = entropy(p, q)
    b2 = entropy(p, q, base=2)
    print(";".join([" ".join(repr(float(x)) for x in p), " ".join(repr(float(x)) for x in q),
                    repr(float(e)), repr(float(b2))]))
