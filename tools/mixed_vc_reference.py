#!/usr/bin/python3
"""Reference values for the Wald standard error of the group variance of org.pluralstats.regress.MixedModel,
computed with statsmodels' MixedLM (its analytic Hessian).

Run with Debian's python3 from the repository root, after tools/mixed_ranef_reference.R (whose fixture
gives the cases and lme4's refined theta):

    /usr/bin/python3 tools/mixed_vc_reference.py

Writes pluralstats-core/src/test/resources/org/pluralstats/regress/mixed_vc_statsmodels.json, per case:

  fit_*          smf.mixedlm(formula, data, groups).fit(reml=...) as it stops: cov_re, scale, bse_re,
                 converged (its optimiser stops early, so these agree with lme4 to ~1e-4 only)
  exact_*        statsmodels' own post-fit computation (MixedLM.fit, after the optimiser) repeated at
                 psi = theta^2 of lme4's refined fit: fe_params = get_fe_params(psi), scale = get_scale,
                 hess = MixedLM.hessian(params) (w.r.t. the fixed effects and psi = cov_re / scale, the
                 scale profiled out), pcov = inv(-hess); se_psi = sqrt(pcov[psi, psi]) and
                 bse_re = sqrt(scale * pcov[psi, psi]) exactly as MixedLMResults.bse_re and the summary's
                 "Group Var" Std.Err. compute it.

Note: statsmodels' bse_re is sqrt(scale) * se(psi), which has the units of a standard deviation, not of a
variance; the delta-method standard error of cov_re = scale * psi (scale held fixed) is scale * se(psi).
"""

import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf
from statsmodels.regression.mixed_linear_model import MixedLMParams

SCRIPT = "tools/mixed_vc_reference.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "pluralstats-core", "src", "test", "resources", "org", "pluralstats", "regress")


def case(c):
    d = pd.read_csv(os.path.join(OUT, c["data"]), dtype={c["groups"]: str})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = smf.mixedlm(c["formula"], data=d, groups=d[c["groups"]])
        fit = model.fit(reml=c["reml"])
        model.reml = c["reml"]
        psi = np.array([[c["theta"] ** 2]])
        fe, _ = model.get_fe_params(psi, np.zeros(0))
        scale = model.get_scale(fe, psi, np.zeros(0))
        params = MixedLMParams.from_components(fe_params=fe, cov_re=psi)
        hess, _ = model.hessian(params)
    pcov = np.linalg.inv(-hess)
    k = len(fe)
    return {
        "name": c["name"], "data": c["data"], "formula": c["formula"], "groups": c["groups"], "reml": c["reml"],
        "fit_cov_re": float(fit.cov_re.iloc[0, 0]), "fit_scale": float(fit.scale),
        "fit_bse_re": float(fit.bse_re.iloc[0]), "fit_converged": bool(fit.converged),
        "exact_theta": c["theta"], "exact_scale": float(scale), "exact_cov_re": float(scale * psi[0, 0]),
        "exact_se_psi": float(np.sqrt(pcov[k, k])), "exact_bse_re": float(np.sqrt(scale * pcov[k, k])),
    }


def main():
    with open(os.path.join(OUT, "mixed_ranef_lme4.json"), encoding="utf-8") as f:
        lme4 = json.load(f)
    gen = {"script": SCRIPT, "command": "/usr/bin/python3 " + SCRIPT, "python": sys.version.split()[0],
           "numpy": np.__version__, "pandas": pd.__version__, "statsmodels": statsmodels.__version__,
           "program": "statsmodels MixedLM.fit(reml) and MixedLM.hessian at lme4's refined theta"}
    cases = [case(c) for c in lme4["cases"]]
    with open(os.path.join(OUT, "mixed_vc_statsmodels.json"), "w", encoding="utf-8") as f:
        json.dump({"generator": gen, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
