#!/usr/bin/python3
"""Reference values for org.pluralstats.regress, computed with statsmodels/patsy (and lme4 via R).

Run with Debian's python3 (python3-statsmodels, python3-pandas) from the repository root:

    /usr/bin/python3 tools/regress_reference.py

It writes to pluralstats-core/src/test/resources/org/pluralstats/regress/:

  us_bias_synthetic.csv   shaped like the paper's Eq. 4 data: metric_value, us (True/False),
                          model_name (10 models incl. Baseline_uniform_random), language (da, en, nl,
                          pt), with replicates per model x language x us as in the paper (native:
                          da 10, nl 10, en 40, pt 20; US: 10 each); seed 3
  mixed_synthetic.csv     shaped like the paper's Eq. 3 data: 20 models in 6 families x 4 languages x
                          ~10 bootstrap-like rounds (about 8% of rows dropped at random so the groups
                          are unbalanced), alignment, consistency, multilingual, family, language,
                          model_name, wave (1-3); seed 4
  boundary_synthetic.csv  y ~ x with 8 groups, noise centred within groups (group variance estimate 0)
  eq4_derived.csv,        the Eq. 4 and Eq. 3 data computed from the paper's released files by
  eq3_derived.csv         tools/reproduce_alignment.py with 10 bootstrap rounds (seed 20250225)
  ols_statsmodels.json    smf.ols(formula, data).fit() for every OLS case: design column names (patsy),
                          params, bse, tvalues, pvalues, conf_int(), rsquared, rsquared_adj, fvalue,
                          f_pvalue, llf, aic, bic, nobs, df_model, df_resid (fittedvalues for some)
  mixed_statsmodels.json  smf.mixedlm(formula, data, groups).fit(reml=...) for every mixed case:
                          fe_params, bse_fe, cov_re, scale, llf, converged
  mixed_lme4.json         written by tools/regress_reference.R (called at the end): lme4::lmer on the
                          same patsy design matrices (y ~ 0 + X + (1 | g)), so the parameterisation
                          is identical: fixef, sqrt(diag(vcov)), the group variance, sigma^2,
                          logLik (REML or ML), theta

Every JSON file starts with a "generator" object naming the script and the program versions. The
output is deterministic (fixed seeds), so re-running on the same versions gives no diff.
"""

import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pandas as pd
import patsy
import scipy
import statsmodels
import statsmodels.formula.api as smf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reproduce_alignment  # noqa: E402

SCRIPT = "tools/regress_reference.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "test", "resources", "org", "pluralstats", "regress")
GENERATOR = {
    "script": SCRIPT,
    "command": "/usr/bin/python3 " + SCRIPT,
    "python": sys.version.split()[0],
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "pandas": pd.__version__,
    "patsy": patsy.__version__,
    "statsmodels": statsmodels.__version__,
}
MODELS = ["Baseline_uniform_random", "OLMo-2-0325-32B-Instruct", "OLMo-2-1124-13B-Instruct",
          "OLMo-2-1124-7B-Instruct", "gemma-2-27b-it", "gemma-2-2b-it", "gemma-2-9b-it", "gpt-3.5-turbo-0125",
          "gpt-4-turbo-2024-04-09", "gpt-4o"]


def us_bias_synthetic():
    rng = np.random.default_rng(3)
    native = {"da": 10, "nl": 10, "en": 40, "pt": 20}
    rows = []
    model_effect = {m: (0.0 if i == 0 else rng.uniform(0.2, 0.7)) for i, m in enumerate(MODELS)}
    for m in MODELS:
        for lang, n_native in native.items():
            cell = model_effect[m] + rng.normal(0, 0.05)
            bias = 0.0 if m == MODELS[0] else rng.normal(0.03 if lang in ("en", "pt") else -0.05, 0.04)
            for us, n in ((False, n_native), (True, 10)):
                for _ in range(n):
                    rows.append((cell + (bias if us else 0.0) + 0.09 + rng.normal(0, 0.06), us, m, lang))
    d = pd.DataFrame(rows, columns=["metric_value", "us", "model_name", "language"])
    return d.sample(frac=1.0, random_state=5).reset_index(drop=True)


def mixed_synthetic():
    rng = np.random.default_rng(4)
    families = {"gemma": 4, "olmo": 4, "openai": 3, "llama": 3, "mistral": 3, "qwen": 3}
    languages = ["Danish", "Dutch", "English", "Portuguese"]
    slope = {(f, l): rng.normal(0.4, 0.4) for f in families for l in languages}
    cons_coef = {l: rng.uniform(0.3, 0.7) for l in languages}
    rows = []
    for f, k in families.items():
        for i in range(k):
            model = f"{f}-{i + 1}"
            intercept = rng.normal(0.0, 0.15)
            for l in languages:
                multi = rng.uniform(0.2, 0.9)
                cons_mean = rng.uniform(0.2, 0.8)
                for r in range(10):
                    cons = cons_mean + rng.normal(0, 0.03)
                    y = intercept + cons_coef[l] * cons + slope[(f, l)] * multi + rng.normal(0, 0.05)
                    rows.append((y, cons, multi, f, l, model, 1 + r % 3))
    d = pd.DataFrame(rows, columns=["alignment", "consistency", "multilingual", "family", "language", "model_name",
                                    "wave"])
    keep = rng.uniform(size=len(d)) > 0.08
    return d[keep].reset_index(drop=True)


def boundary_synthetic():
    """No group effect at all: the noise is centred within each group, so the group means of the
    residuals are zero and the REML and ML estimates of the group variance are on the boundary 0."""
    rng = np.random.default_rng(6)
    frames = []
    for gi in range(8):
        n = 5 + gi
        x = rng.normal(size=n)
        e = rng.normal(0, 1.0, size=n)
        e -= e.mean()
        frames.append(pd.DataFrame({"y": 1.0 + 0.5 * x + e, "x": x, "g": f"g{gi}"}))
    return pd.concat(frames, ignore_index=True)


OLS_CASES = [
    # name, data file, formula, with fitted values
    ("eq4_synthetic", "us_bias_synthetic.csv", "metric_value ~ us*model_name:language", True),
    ("us_plus_language", "us_bias_synthetic.csv", "metric_value ~ us + language", False),
    ("no_intercept_dummies", "us_bias_synthetic.csv", "metric_value ~ 0 + language", True),
    ("minus_one_interaction", "us_bias_synthetic.csv", "metric_value ~ language*us - 1", False),
    ("interaction_only", "us_bias_synthetic.csv", "metric_value ~ model_name:language", False),
    ("quoted_and_forced", "us_bias_synthetic.csv", "metric_value ~ C(us) + Q(\"language\")", False),
    ("numeric_by_categorical", "mixed_synthetic.csv", "alignment ~ consistency*language + multilingual", False),
    ("numeric_interaction", "mixed_synthetic.csv", "alignment ~ consistency:multilingual + C(language)", False),
    ("power_two", "mixed_synthetic.csv", "alignment ~ (consistency + multilingual + language)**2", False),
    ("no_constant", "mixed_synthetic.csv", "alignment ~ 0 + consistency", True),
    ("bucket_order", "mixed_synthetic.csv", "alignment ~ consistency + multilingual - 1 + family", False),
    ("numeric_buckets", "mixed_synthetic.csv",
     "alignment ~ multilingual:family:language + consistency:language", False),
    ("forced_numeric_levels", "mixed_synthetic.csv", "alignment ~ C(wave) + consistency", False),
    ("eq3_as_ols", "mixed_synthetic.csv", "alignment ~ 0 + consistency:language + multilingual:family:language",
     False),
    ("eq4_derived", "eq4_derived.csv", "metric_value ~ us*model_name:language", True),
]

MIXED_CASES = [
    # name, data file, formula, groups, reml
    ("eq3_synthetic_reml", "mixed_synthetic.csv",
     "alignment ~ 0 + consistency:language + multilingual:family:language", "model_name", True),
    ("eq3_synthetic_ml", "mixed_synthetic.csv",
     "alignment ~ 0 + consistency:language + multilingual:family:language", "model_name", False),
    ("intercept_reml", "mixed_synthetic.csv", "alignment ~ consistency + language", "model_name", True),
    ("interaction_ml", "mixed_synthetic.csv", "alignment ~ consistency*language + multilingual", "model_name",
     False),
    ("boundary_reml", "boundary_synthetic.csv", "y ~ x", "g", True),
    ("boundary_ml", "boundary_synthetic.csv", "y ~ x", "g", False),
    ("eq3_derived_reml", "eq3_derived.csv",
     "alignment ~ 0 + consistency:language + multilingual:family:language", "model_name", True),
]


def read(name):
    return pd.read_csv(os.path.join(OUT, name), dtype={"us": str}).replace({"us": {"True": True, "False": False}})


def ols_case(name, data_file, formula, with_fitted):
    d = read(data_file)
    fit = smf.ols(formula, data=d).fit()
    ci = fit.conf_int()
    case = {
        "name": name, "data": data_file, "formula": formula,
        "names": list(fit.params.index),
        "params": list(fit.params), "bse": list(fit.bse), "tvalues": list(fit.tvalues),
        "pvalues": list(fit.pvalues), "ci_low": list(ci[0]), "ci_high": list(ci[1]),
        "rsquared": fit.rsquared, "rsquared_adj": fit.rsquared_adj,
        "fvalue": None if not np.isfinite(fit.fvalue) else float(fit.fvalue),
        "f_pvalue": None if not np.isfinite(fit.f_pvalue) else float(fit.f_pvalue),
        "llf": fit.llf, "aic": fit.aic, "bic": fit.bic, "nobs": int(fit.nobs),
        "df_model": fit.df_model, "df_resid": fit.df_resid, "k_constant": int(fit.k_constant),
    }
    if with_fitted:
        case["fitted"] = list(fit.fittedvalues)
    return case


def mixed_case(name, data_file, formula, groups, reml, design_dir):
    d = read(data_file).dropna().reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = smf.mixedlm(formula, data=d, groups=d[groups])
        fit = model.fit(reml=reml)
    y, x = patsy.dmatrices(formula, d, return_type="dataframe")
    design = pd.DataFrame(x.to_numpy(), columns=[f"x{i}" for i in range(x.shape[1])])
    design.insert(0, "y", y.iloc[:, 0].to_numpy())
    design["g"] = d[groups].astype(str).to_numpy()
    design.to_csv(os.path.join(design_dir, name + ".csv"), index=False, float_format="%.17g")
    return {
        "name": name, "data": data_file, "formula": formula, "groups": groups, "reml": reml,
        "names": list(fit.fe_params.index),
        "fe_params": list(fit.fe_params), "bse_fe": list(fit.bse_fe),
        "group_var": float(fit.cov_re.iloc[0, 0]), "scale": float(fit.scale), "llf": float(fit.llf),
        "converged": bool(fit.converged),
    }


def write(name, program, cases):
    gen = dict(GENERATOR, program=program)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump({"generator": gen, "cases": cases}, f, indent=1)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    us_bias_synthetic().to_csv(os.path.join(OUT, "us_bias_synthetic.csv"), index=False)
    mixed_synthetic().to_csv(os.path.join(OUT, "mixed_synthetic.csv"), index=False)
    boundary_synthetic().to_csv(os.path.join(OUT, "boundary_synthetic.csv"), index=False)
    data_dir = os.path.join(ROOT, "..", "shared", "reference-data", "multicultural-alignment")
    _, eq4, eq3 = reproduce_alignment.compute(data_dir, rounds=10, seed=20250225)
    eq4[["metric_value", "us", "model_name", "language"]].to_csv(os.path.join(OUT, "eq4_derived.csv"), index=False)
    eq3[["alignment", "consistency", "multilingual", "family", "language", "model_name"]].to_csv(
        os.path.join(OUT, "eq3_derived.csv"), index=False)
    write("ols_statsmodels.json", "statsmodels.formula.api.ols(formula, data).fit()",
          [ols_case(*c) for c in OLS_CASES])
    with tempfile.TemporaryDirectory() as tmp:
        mixed = [mixed_case(*c, tmp) for c in MIXED_CASES]
        write("mixed_statsmodels.json", "statsmodels.formula.api.mixedlm(formula, data, groups).fit(reml=...)", mixed)
        manifest = [{"name": m["name"], "reml": m["reml"], "names": m["names"], "data": m["data"],
                     "formula": m["formula"], "groups": m["groups"]} for m in mixed]
        with open(os.path.join(tmp, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        subprocess.run(["Rscript", os.path.join(ROOT, "tools", "regress_reference.R"), tmp,
                        os.path.join(OUT, "mixed_lme4.json")], check=True)
    print("wrote fixtures to", OUT)


if __name__ == "__main__":
    main()
