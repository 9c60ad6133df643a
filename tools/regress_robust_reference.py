#!/usr/bin/python3
"""Reference values for robust covariances, weights and diagnostics of org.pluralstats.regress.Ols.

Run with Debian's python3 (python3-statsmodels, python3-pandas) from the repository root, after
tools/regress_reference.py (it reads the data sets that script writes):

    /usr/bin/python3 tools/regress_robust_reference.py

It writes to pluralstats-core/src/test/resources/org/pluralstats/regress/:

  wls_synthetic.csv        mixed_synthetic.csv with a positive weight column w (seed 7)
  ols_robust_statsmodels.json
      one case per (formula, covariance): smf.ols(formula, data).fit(cov_type=...) for HC0, HC1, HC2, HC3
      and cov_type="cluster" with cov_kwds={"groups": codes of the cluster column} (statsmodels' defaults:
      use_correction=True, df_correction=True, use_t=False): params, bse, tvalues, pvalues, conf_int(),
      fvalue, f_pvalue (the robust Wald F of all coefficients but the constant; null with an implicit
      constant, and null when that covariance is singular, where statsmodels uses a pseudo-inverse), use_t
  ols_wls_statsmodels.json
      smf.wls(formula, data, weights=data[w]).fit(cov_type=...) (nonrobust, HC3, cluster): params, bse,
      tvalues, pvalues, conf_int(), rsquared, rsquared_adj, fvalue, f_pvalue, llf, aic, bic, scale,
      fittedvalues, resid, and the summary() diagnostics of wresid and wexog
  ols_diagnostics_statsmodels.json
      smf.ols(formula, data).fit() and the numbers its summary() prints: omni_normtest(resid),
      jarque_bera(resid) (JB, p, skew, kurtosis), durbin_watson(resid), condition_number (singular values
      of the exog from the pinv fit), fittedvalues, resid

Every JSON file starts with a "generator" object naming the script and the program versions. The
output is deterministic (fixed seeds).
"""

import json
import os
import sys

import numpy as np
import pandas as pd
import patsy
import scipy
import statsmodels
import statsmodels.formula.api as smf
from statsmodels.stats.stattools import durbin_watson, jarque_bera, omni_normtest

SCRIPT = "tools/regress_robust_reference.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "pluralstats-core", "src", "test", "resources", "org", "pluralstats", "regress")
GENERATOR = {
    "script": SCRIPT, "command": "/usr/bin/python3 " + SCRIPT, "python": sys.version.split()[0],
    "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__, "patsy": patsy.__version__,
    "statsmodels": statsmodels.__version__,
}

FORMULAS = [
    # name, data file, formula, cluster column
    ("us_plus_language", "us_bias_synthetic.csv", "metric_value ~ us + language", "model_name"),
    ("numeric_by_categorical", "mixed_synthetic.csv", "alignment ~ consistency*language + multilingual",
     "model_name"),
    ("no_constant", "mixed_synthetic.csv", "alignment ~ 0 + consistency", "family"),
    ("implicit_constant", "mixed_synthetic.csv", "alignment ~ 0 + language + consistency", "family"),
    # no cluster case: with 80 coefficients and at most 10 clusters the cluster covariance is singular and
    # some of its standard errors are rounding noise (~1e-15) in both programs
    ("eq4_synthetic", "us_bias_synthetic.csv", "metric_value ~ us*model_name:language", None),
]
WLS = [
    # name, data file, formula, weight column, cov_type, cluster column
    ("wls_numeric", "wls_synthetic.csv", "alignment ~ consistency*language + multilingual", "w", "nonrobust", None),
    ("wls_no_constant", "wls_synthetic.csv", "alignment ~ 0 + consistency", "w", "nonrobust", None),
    ("wls_implicit_constant", "wls_synthetic.csv", "alignment ~ 0 + language + consistency", "w", "nonrobust",
     None),
    ("wls_numeric_HC3", "wls_synthetic.csv", "alignment ~ consistency*language + multilingual", "w", "HC3", None),
    ("wls_numeric_cluster", "wls_synthetic.csv", "alignment ~ consistency*language + multilingual", "w", "cluster",
     "model_name"),
]


def read(name):
    return pd.read_csv(os.path.join(OUT, name), dtype={"us": str}).replace({"us": {"True": True, "False": False}})


def nan_none(v):
    v = float(v)
    return v if np.isfinite(v) else None


def coefs(fit):
    ci = fit.conf_int()
    return {"names": list(fit.params.index), "params": list(fit.params), "bse": list(fit.bse),
            "tvalues": list(fit.tvalues), "pvalues": list(fit.pvalues), "ci_low": list(ci[0]),
            "ci_high": list(ci[1])}


def robust_cases():
    out = []
    for name, data, formula, cluster in FORMULAS:
        d = read(data)
        for cov in ("HC0", "HC1", "HC2", "HC3") + (("cluster",) if cluster else ()):
            if cov == "cluster":
                groups = pd.factorize(d[cluster], sort=True)[0]
                fit = smf.ols(formula, data=d).fit(cov_type="cluster", cov_kwds={"groups": groups})
            else:
                fit = smf.ols(formula, data=d).fit(cov_type=cov)
            case = {"name": name + "_" + cov, "data": data, "formula": formula, "cov_type": cov,
                    "cluster": cluster if cov == "cluster" else None, "use_t": bool(fit.use_t)}
            case.update(coefs(fit))
            case["fvalue"] = nan_none(fit.fvalue)
            case["f_pvalue"] = nan_none(fit.f_pvalue) if case["fvalue"] is not None else None
            if case["fvalue"] is not None:
                # statsmodels falls back to a pseudo-inverse (with a warning) when the robust covariance of
                # the tested coefficients is singular (more coefficients than clusters); pluralstats returns
                # NaN there, so the fixture records no value
                k = len(fit.params)
                idx = [i for i in range(k) if i != fit.model.data.const_idx]
                v = np.asarray(fit.cov_params())[np.ix_(idx, idx)]
                if np.linalg.matrix_rank(v) < len(idx):
                    case["fvalue"] = case["f_pvalue"] = None
            out.append(case)
    return out


def wls_cases():
    out = []
    for name, data, formula, w, cov, cluster in WLS:
        d = read(data)
        model = smf.wls(formula, data=d, weights=d[w])
        if cov == "cluster":
            fit = model.fit(cov_type="cluster", cov_kwds={"groups": pd.factorize(d[cluster], sort=True)[0]})
        else:
            fit = model.fit(cov_type=cov)
        case = {"name": name, "data": data, "formula": formula, "weights": w, "cov_type": cov, "cluster": cluster}
        case.update(coefs(fit))
        jb, jbp, skew, kurt = jarque_bera(fit.wresid)
        omni, omnip = omni_normtest(fit.wresid)
        case.update({"omnibus": float(omni), "omnibus_p": float(omnip),
                     "durbin_watson": float(durbin_watson(fit.wresid)), "jarque_bera": float(jb),
                     "jarque_bera_p": float(jbp), "skew": float(skew), "kurtosis": float(kurt),
                     "condition_number": float(fit.condition_number)})
        case.update({"rsquared": fit.rsquared, "rsquared_adj": fit.rsquared_adj, "fvalue": nan_none(fit.fvalue),
                     "f_pvalue": nan_none(fit.f_pvalue), "llf": fit.llf, "aic": fit.aic, "bic": fit.bic,
                     "scale": fit.scale, "fitted": list(fit.fittedvalues), "resid": list(fit.resid)})
        out.append(case)
    return out


def diagnostics_cases():
    out = []
    for name, data, formula, _ in FORMULAS:
        fit = smf.ols(formula, data=read(data)).fit()
        jb, jbp, skew, kurt = jarque_bera(fit.wresid)
        omni, omnip = omni_normtest(fit.wresid)
        out.append({"name": name, "data": data, "formula": formula, "omnibus": float(omni),
                    "omnibus_p": float(omnip), "durbin_watson": float(durbin_watson(fit.wresid)),
                    "jarque_bera": float(jb), "jarque_bera_p": float(jbp), "skew": float(skew),
                    "kurtosis": float(kurt), "condition_number": float(fit.condition_number),
                    "fitted": list(fit.fittedvalues), "resid": list(fit.resid)})
    return out


def write(name, program, cases):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump({"generator": dict(GENERATOR, program=program), "cases": cases}, f, indent=1)
        f.write("\n")


def main():
    d = read("mixed_synthetic.csv")
    rng = np.random.default_rng(7)
    d["w"] = np.round(rng.uniform(0.2, 3.0, size=len(d)), 6)
    d.to_csv(os.path.join(OUT, "wls_synthetic.csv"), index=False)
    write("ols_robust_statsmodels.json", "statsmodels.formula.api.ols(formula, data).fit(cov_type=...)",
          robust_cases())
    write("ols_wls_statsmodels.json", "statsmodels.formula.api.wls(formula, data, weights=...).fit()", wls_cases())
    write("ols_diagnostics_statsmodels.json",
          "statsmodels.formula.api.ols(formula, data).fit() with statsmodels.stats.stattools", diagnostics_cases())
    print("wrote fixtures to", OUT)


if __name__ == "__main__":
    main()
