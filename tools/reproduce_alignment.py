#!/usr/bin/python3
"""Reproduce the seed paper's Eq. 3 and Eq. 4 fits from its released data.

    /usr/bin/python3 tools/reproduce_alignment.py [--rounds 100] [--seed 20250225]
        [--data ../shared/reference-data/multicultural-alignment] [--out target/reproduction]
        [--jar pluralstats-cli/target/pluralstats-cli-0.1.0-SNAPSHOT-all.jar] [--doc docs/reproduction.md]

Run from the repository root after `mvn -B package`. Steps, and which program does each:

 1. alignments (pluralstats, `java -jar JAR align --table resamples --level response --bootstrap R
    --seed S`): for every model x response language x population, the Spearman correlation (average
    ranks) between each generation's score (`response_pro_score`) and its item's population score
    (`pro_score`), at three levels -- every WVS country, every interview language, all respondents --
    on each of `--rounds` bootstrap resamples. pluralstats resamples the generations of each model x
    language x population separately (its own seeded stream per group), so group sizes are fixed; the
    released code resamples the whole joined table at once.
 2. model self-consistency (pluralstats, same command), per model x language and round, on the same
    resample as that round's language-level alignment with the language's own population:
    `consistency`, the reference-data README's definition -- Spearman over all ordered pairs of
    different resampled rows of the same item, divided by 0.955; and `consistency_released`
    (a second run, `--consistency-method pearson --reliability 1`, same seed hence the same
    resamples) -- Pearson, undivided, as the released code's calculate_consistency, but on the
    generations joined to the language's own population only (the released code self-joins the
    generations joined to all four language populations).
 3. `multilingual`: the mean benchmark score of the model in the language / 100, from
    multilingual_benchmarks.csv (its model names mapped to the generation files' names).
 4. Eq. 4: OLS `metric_value ~ us*model_name:language` on the country-level alignments of the native
    countries and the US (Baseline_fifty_percent left out, so Baseline_uniform_random is the
    reference model); Eq. 3: MixedLM `alignment ~ 0 + consistency:language +
    multilingual:family:language`, random intercept per model_name, REML, on the language-level
    alignments of the language's own population (baselines left out).
    Both are fitted by pluralstats (`java -jar ... regress`) and by statsmodels (for comparison only),
    and compared with the paper's released fits. This script only runs pluralstats and reshapes its
    CSV output; `multilingual` (step 3) is the only number it derives itself, from the input table.
 5. The comparison tables are written into `--doc` between the GENERATED markers.

The output is deterministic for a given seed and number of rounds.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.formula.api as smf

SCRIPT = "tools/reproduce_alignment.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANNOTATION_RELIABILITY = 0.955
LANGUAGE_NAMES = {"da": "Danish", "en": "English", "nl": "Dutch", "pt": "Portuguese"}
# Model names of the benchmark table -> model names of the generation files.
BENCHMARK_MODELS = {
    "GPT-3.5 Turbo": "gpt-3.5-turbo-0125",
    "GPT-4 Turbo": "gpt-4-turbo-2024-04-09",
    "gpt-4-turbo": "gpt-4-turbo-2024-04-09",
    "GPT-4o": "gpt-4o",
    "Gemma-2 2B": "gemma-2-2b-it",
    "Gemma-2 9B": "gemma-2-9b-it",
    "Gemma-2 27B": "gemma-2-27b-it",
    "OLMo-2 7B": "OLMo-2-1124-7B-Instruct",
    "OLMo-2 13B": "OLMo-2-1124-13B-Instruct",
    "OLMo-2 32B": "OLMo-2-0325-32B-Instruct",
}
EQ4_FORMULA = "metric_value ~ us*model_name:language"
EQ3_FORMULA = "alignment ~ 0 + consistency:language + multilingual:family:language"


def load(data_dir):
    out = os.path.join(data_dir, "output")
    gen = pd.read_csv(os.path.join(out, "latest_results_with_baseline.csv"))
    country = pd.read_csv(os.path.join(out, "ground_truth_every_country.csv")).rename(
        columns={"cntry_an": "population", "lnge_iso": "population_language"})
    bench = pd.read_csv(os.path.join(out, "multilingual_benchmarks.csv"))
    return gen, {"country": country}, bench


def run_align(jar, data_dir, out_csv, rounds, seed, populations, extra=()):
    """`pluralstats align --table resamples` at response level: one row per model x response language x
    population x bootstrap round. Returns the command as shown in the report."""
    out = os.path.join(data_dir, "output")
    cmd = ["java", "-jar", jar, "align", "--model", os.path.join(out, "latest_results_with_baseline.csv"),
           "--column", "language=response_language"]
    for p in populations:
        cmd += ["--population", os.path.join(out, p)]
    cmd += ["--level", "response", "--table", "resamples", "--bootstrap", str(rounds), "--seed", str(seed), *extra,
            "--format", "csv", "--out", out_csv]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"pluralstats align failed ({res.returncode}): {res.stderr}")
    if res.stderr.strip():
        print(res.stderr.strip(), file=sys.stderr)
    shown = ["align"] + [os.path.relpath(c, ROOT) if os.path.isabs(c) else c for c in cmd[4:]]
    shown = [c.replace(os.path.relpath(data_dir, ROOT), "$DATA") for c in shown]
    return " ".join(shown)


def level_of(population):
    if population == "global":
        return "global"
    return "language" if population in LANGUAGE_NAMES else "country"


def alignments(jar, data_dir, out_dir, rounds, seed):
    """Alignments at the three levels and, on the language-level rows, the self-consistency of the same
    resample -- all computed by `pluralstats align --table resamples`. Two runs with the same seed draw
    the same resamples: the README consistency (Spearman / 0.955, the default) and the released code's
    Pearson without the correction (`--consistency-method pearson --reliability 1`)."""
    main_csv = os.path.join(out_dir, "align_resamples.csv")
    rel_csv = os.path.join(out_dir, "align_resamples_pearson.csv")
    cmds = [run_align(jar, data_dir, main_csv, rounds, seed, ["ground_truth_every_country.csv",
                                                              "ground_truth_per_language.csv", "ground_truth_global.csv"]),
            run_align(jar, data_dir, rel_csv, rounds, seed, ["ground_truth_per_language.csv"],
                      ["--consistency-method", "pearson", "--reliability", "1"])]
    a = pd.read_csv(main_csv, keep_default_na=False, na_values=[""])
    r = pd.read_csv(rel_csv, keep_default_na=False, na_values=[""])
    a = a.rename(columns={"model": "model_name", "language": "response_language", "resample": "round",
                          "rho": "alignment"})
    a["level"] = a["population"].map(level_of)
    r = r.rename(columns={"model": "model_name", "language": "response_language", "resample": "round",
                          "rho": "alignment", "selfConsistency": "consistency_released"})
    keys = ["model_name", "response_language", "population", "round"]
    lang = a[a["level"] == "language"].merge(r[keys + ["alignment", "consistency_released"]], on=keys,
                                             suffixes=("", "_check"))
    assert len(lang) == len(r) and np.allclose(lang["alignment"], lang["alignment_check"], equal_nan=True), \
        "the two align runs did not draw the same resamples"
    native = lang[lang["population"] == lang["response_language"]]
    cons = native[["model_name", "response_language", "round", "selfConsistency", "consistency_released"]].rename(
        columns={"selfConsistency": "consistency"})
    align = a[["model_name", "response_language", "population", "alignment", "level", "round", "n", "family"]]
    return align, cons, cmds


def multilingual(bench):
    b = bench[~bench["benchmark"].str.contains("ENEM")].copy()
    b["model_name"] = b["model"].replace(BENCHMARK_MODELS)
    m = b.groupby(["model_name", "language"])["score"].mean().reset_index()
    m["multilingual"] = m["score"] / 100.0
    return m[["model_name", "language", "multilingual"]]


def eq4_frame(align, gts):
    country = align[align["level"] == "country"]
    native = gts["country"][["population", "population_language"]].drop_duplicates()
    d = country.merge(native, on="population")
    d = d[(d["response_language"] == d["population_language"]) | (d["population"] == "US")]
    d = d[d["model_name"] != "Baseline_fifty_percent"]
    d = d.assign(us=np.where(d["population"] == "US", "True", "False"))
    d = d.rename(columns={"alignment": "metric_value", "response_language": "language"})
    d = d[["metric_value", "us", "model_name", "language", "population", "round"]]
    return d.sort_values(["model_name", "language", "population", "round"]).reset_index(drop=True)


def eq3_frame(align, cons, multi, gen):
    lang = align[(align["level"] == "language") & (align["population"] == align["response_language"])]
    lang = lang[~lang["model_name"].str.startswith("Baseline")]
    d = lang.merge(cons, on=["model_name", "response_language", "round"])
    d["language"] = d["response_language"].map(LANGUAGE_NAMES)
    d = d.merge(multi, on=["model_name", "language"])
    d = d[["alignment", "consistency", "consistency_released", "multilingual", "family", "language", "model_name",
           "round"]]
    return d.sort_values(["model_name", "language", "round"]).reset_index(drop=True)


def compute(jar, data_dir, out_dir, rounds, seed):
    gen, gts, bench = load(data_dir)
    align, cons, cmds = alignments(jar, data_dir, out_dir, rounds, seed)
    multi = multilingual(bench)
    return align, eq4_frame(align, gts), eq3_frame(align, cons, multi, gen), cmds


# ------------------------------------------------------------------------------------- comparison

ROW = re.compile(r"^(\S.*?)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s+(-?\d+\.\d+)\s*$")


def published(path):
    """Coefficient rows of a statsmodels summary text: name -> (coef, se, stat, p, lo, hi)."""
    out = {}
    extra = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = ROW.match(line.rstrip())
            if m:
                out[m.group(1).strip()] = tuple(float(m.group(i)) for i in range(2, 8))
            for key, pat in (("scale", r"Scale:\s+(-?\d+\.\d+)"), ("llf", r"Log-Likelihood:\s+(-?\d+\.?\d*)"),
                             ("groupVar", r"^model_name Var\s+(-?\d+\.\d+)"), ("rsquared", r"R-squared:\s+(-?\d+\.\d+)"),
                             ("rsquaredAdj", r"Adj\. R-squared:\s+(-?\d+\.\d+)"),
                             ("fvalue", r"F-statistic:\s+(-?\d+\.?\d*)"), ("nobs", r"No\. Observations:\s+(\d+)")):
                mm = re.search(pat, line)
                if mm and key not in extra:
                    extra[key] = float(mm.group(1))
    return out, extra


def run_cli(jar, csv, formula, groups=None):
    """`pluralstats regress`, twice: `--table fit` (one row: nobs, rsquared, llf, groups, groupVar, scale, ...)
    and the default `--table coefficients` (term, estimate, se, t or z, p, ...). Returns the fit row with the
    coefficients under "coefficients" as {name, coef, se, stat, p}, and the coefficients command as shown."""
    cmd = ["java", "-jar", jar, "regress", "--data", csv, "--formula", formula, "--format", "json"]
    if groups:
        cmd += ["--groups", groups, "--reml"]

    def rows(table):
        res = subprocess.run(cmd + ["--table", table], check=True, capture_output=True, text=True)
        return json.loads(res.stdout)["rows"]

    fit = rows("fit")[0]
    fit["coefficients"] = [{"name": c["term"], "coef": c["estimate"], "se": c["se"], "stat": c["z" if groups else "t"],
                            "p": c["p"]} for c in rows("coefficients")]
    shown = ["regress", "--data", os.path.relpath(csv, ROOT), "--formula", f'"{formula}"'] + cmd[8:]
    return fit, " ".join(shown)


def fmt(v, digits=4):
    return "" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{v:.{digits}f}"


def compare_table(names, paper, ours, sm, stat_name):
    lines = ["| coefficient | paper | paper 95% CI | pluralstats | SE | " + stat_name + " | statsmodels "
             "| Δ pluralstats − paper | in paper CI |",
             "|---|---:|---:|---:|---:|---:|---:|---:|:---:|"]
    inside = 0
    worst = 0.0
    for name in names:
        o = ours[name]
        s = sm[name]
        p = paper.get(name)
        if p is None:
            lines.append(f"| `{name}` | | | {fmt(o['coef'])} | {fmt(o['se'])} | {fmt(o['stat'], 2)} | {fmt(s)} | | |")
            continue
        ok = p[4] <= o["coef"] <= p[5]
        inside += ok
        worst = max(worst, abs(o["coef"] - s))
        lines.append(f"| `{name}` | {fmt(p[0])} | [{fmt(p[4], 3)}, {fmt(p[5], 3)}] | {fmt(o['coef'])} | {fmt(o['se'])} "
                     f"| {fmt(o['stat'], 2)} | {fmt(s)} | {o['coef'] - p[0]:+.4f} | {'yes' if ok else '**no**'} |")
    return lines, inside, worst


def report(out_dir, jar, data_dir, rounds, seed, eq4_csv, eq3_csv, eq3):
    lines = []
    # Eq. 4
    paper4, extra4 = published(os.path.join(data_dir, "supplementary", "regressions",
                                            "us_centric_bias_regression_results_normal.txt"))
    ours4, cmd4 = run_cli(jar, eq4_csv, EQ4_FORMULA)
    sm4 = smf.ols(EQ4_FORMULA, data=pd.read_csv(eq4_csv, dtype={"us": str})).fit()
    ours4c = {c["name"]: {"coef": c["coef"], "se": c["se"], "stat": c["stat"]} for c in ours4["coefficients"]}
    names4 = [c["name"] for c in ours4["coefficients"]]
    assert names4 == list(sm4.params.index), "pluralstats and statsmodels name the Eq. 4 columns differently"
    t4, in4, worst4 = compare_table(names4, paper4, ours4c, dict(sm4.params), "t")
    bias = [n for n in names4 if n.startswith("us[T.True]:model_name")]
    bias_in = sum(paper4[n][4] <= ours4c[n]["coef"] <= paper4[n][5] for n in bias)
    sign = sum(np.sign(ours4c[n]["coef"]) == np.sign(paper4[n][0]) for n in names4)
    sig_same = sum((paper4[n][3] < 0.05) == (next(c["p"] for c in ours4["coefficients"] if c["name"] == n) < 0.05)
                   for n in names4)
    lines += [f"### Eq. 4 (OLS, `{EQ4_FORMULA}`)", "",
              f"Fitted by `pluralstats {cmd4}`.", "",
              "| statistic | paper | pluralstats | statsmodels |", "|---|---:|---:|---:|",
              f"| observations | {extra4.get('nobs', 0):.0f} | {ours4['nobs']} | {sm4.nobs:.0f} |",
              f"| R² | {extra4['rsquared']:.3f} | {ours4['rsquared']:.4f} | {sm4.rsquared:.4f} |",
              f"| adj. R² | {extra4['rsquaredAdj']:.3f} | {ours4['rsquaredAdj']:.4f} | {sm4.rsquared_adj:.4f} |",
              f"| F | {extra4['fvalue']:.1f} | {ours4['fvalue']:.1f} | {sm4.fvalue:.1f} |",
              f"| log-likelihood | {extra4['llf']:.0f} | {ours4['llf']:.1f} | {sm4.llf:.1f} |", "",
              f"Summary: {in4} of {len(names4)} coefficients inside the paper's 95% interval "
              f"({bias_in} of {len(bias)} US-bias coefficients `us[T.True]:model_name[…]:language[…]`); "
              f"{sign} of {len(names4)} with the paper's sign; {sig_same} of {len(names4)} with the same "
              f"significance at 5%. Largest |pluralstats − statsmodels| on the same data: {worst4:.1e}.", ""]
    lines += t4 + [""]
    # Eq. 3
    paper3, extra3 = published(os.path.join(data_dir, "output", "multilingual_regression_results_interaction.txt"))
    ours3, cmd3 = run_cli(jar, eq3_csv, EQ3_FORMULA, "model_name")
    d3 = pd.read_csv(eq3_csv).dropna().reset_index(drop=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm3 = smf.mixedlm(EQ3_FORMULA, data=d3, groups=d3["model_name"]).fit(reml=True)
    ours3c = {c["name"]: {"coef": c["coef"], "se": c["se"], "stat": c["stat"]} for c in ours3["coefficients"]}
    names3 = [c["name"] for c in ours3["coefficients"]]
    assert names3 == list(sm3.fe_params.index), "pluralstats and statsmodels name the Eq. 3 columns differently"
    t3, in3, worst3 = compare_table(names3, paper3, ours3c, dict(sm3.fe_params), "z")
    sm_var = float(sm3.cov_re.iloc[0, 0])
    lines += [f"### Eq. 3 (mixed model, `{EQ3_FORMULA}`, random intercept per `model_name`, REML)", "",
              f"Fitted by `pluralstats {cmd3}`.", "",
              "| statistic | paper | pluralstats | statsmodels |", "|---|---:|---:|---:|",
              f"| observations | 3600 | {ours3['nobs']} (+{ours3['droppedRows']} dropped) | {sm3.nobs:.0f} |",
              f"| groups | 9 | {ours3['groups']} | {len(sm3.model.group_labels)} |",
              f"| group variance (`model_name Var`) | {extra3['groupVar']:.3f} | {ours3['groupVar']:.4f} | {sm_var:.4f} |",
              f"| residual variance (Scale) | {extra3['scale']:.4f} | {ours3['scale']:.5f} | {sm3.scale:.5f} |",
              f"| REML log-likelihood | {extra3['llf']:.4f} | {ours3['llf']:.4f} | {sm3.llf:.4f} |", "",
              f"Summary: {in3} of {len(names3)} fixed effects inside the paper's 95% interval. Largest "
              f"|pluralstats − statsmodels| on the same data: {worst3:.1e} (statsmodels converged: {sm3.converged}).", ""]
    lines += t3 + [""]
    # Eq. 3 with the released code's consistency
    d3r = d3.drop(columns=["consistency"]).rename(columns={"consistency_released": "consistency"})
    alt = os.path.join(out_dir, "eq3_released_consistency.csv")
    d3r.to_csv(alt, index=False)
    ours3r, cmd3r = run_cli(jar, alt, EQ3_FORMULA, "model_name")
    ours3rc = {c["name"]: c["coef"] for c in ours3r["coefficients"]}
    lines += ["### Eq. 3 with the released code's consistency variant", "",
              f"Fitted by `pluralstats {cmd3r}`: the same alignments, `consistency` computed as the released "
              "code does as far as `align` can: Pearson, no division by 0.955 (`--consistency-method pearson "
              "--reliability 1`), over the pairs of resampled rows of the language's own population — the released "
              "code's self-join also spans the rows joined to the other three language populations.", "",
              "| coefficient | paper | paper 95% CI | pluralstats (README consistency) | pluralstats (released variant) |",
              "|---|---:|---:|---:|---:|"]
    in3r = 0
    for n in names3:
        p = paper3[n]
        in3r += p[4] <= ours3rc[n] <= p[5]
        lines.append(f"| `{n}` | {fmt(p[0], 3)} | [{fmt(p[4], 3)}, {fmt(p[5], 3)}] | {fmt(ours3c[n]['coef'], 3)} "
                     f"| {fmt(ours3rc[n], 3)} |")
    lines += ["", f"Variant: {in3r} of {len(names3)} inside the paper's interval; group variance "
              f"{ours3r['groupVar']:.4f}, scale {ours3r['scale']:.5f}, REML log-likelihood {ours3r['llf']:.1f}.", ""]
    # Inputs
    cons = eq3.groupby(["model_name", "language"])[["consistency", "consistency_released", "multilingual"]].mean()
    lines += ["### Eq. 3 covariates (means over rounds)", "", "| model | language | consistency | released variant "
              "| multilingual |", "|---|---|---:|---:|---:|"]
    for (m, l), r in cons.iterrows():
        lines.append(f"| {m} | {l} | {r['consistency']:.3f} | {r['consistency_released']:.3f} | {r['multilingual']:.3f} |")
    lines.append("")
    return lines


def alignment_summary(align):
    lines = ["### Alignments (bootstrap means; country level: mean over the language's native countries)", "",
             "| model | language | country (native) | US | language | global |", "|---|---|---:|---:|---:|---:|"]
    country_lang = {}
    nat = pd.read_csv(os.path.join(ROOT_DATA, "output", "country_languages.csv"))
    for _, r in nat.iterrows():
        country_lang.setdefault(r["lnge_iso"], []).append(r["cntry_AN"])
    means = align.groupby(["level", "model_name", "response_language", "population"])["alignment"].mean()
    for m in sorted(align["model_name"].unique()):
        for l in ("da", "en", "nl", "pt"):
            c = np.mean([means.get(("country", m, l, p), np.nan) for p in country_lang[l] if p != "US"])
            us = means.get(("country", m, l, "US"), np.nan)
            lang = means.get(("language", m, l, l), np.nan)
            g = means.get(("global", m, l, "global"), np.nan)
            lines.append(f"| {m} | {l} | {c:.3f} | {us:.3f} | {lang:.3f} | {g:.3f} |")
    return lines + [""]


ROOT_DATA = None


def main():
    global ROOT_DATA
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "reference-data", "multicultural-alignment"))
    ap.add_argument("--rounds", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20250225)
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "reproduction"))
    ap.add_argument("--jar", default=os.path.join(ROOT, "target", "pluralstats-0.1.0-SNAPSHOT-cli.jar"))
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "reproduction.md"))
    ap.add_argument("--no-doc", action="store_true", help="write the CSVs only")
    args = ap.parse_args()
    ROOT_DATA = args.data
    os.makedirs(args.out, exist_ok=True)
    align, eq4, eq3, align_cmds = compute(args.jar, args.data, args.out, args.rounds, args.seed)
    align.to_csv(os.path.join(args.out, "alignments.csv"), index=False)
    eq4_csv = os.path.join(args.out, "eq4.csv")
    eq3_csv = os.path.join(args.out, "eq3.csv")
    eq4.to_csv(eq4_csv, index=False)
    eq3.to_csv(eq3_csv, index=False)
    print(f"wrote {len(align)} alignments, {len(eq4)} Eq. 4 rows, {len(eq3)} Eq. 3 rows to {args.out}", file=sys.stderr)
    if args.no_doc:
        return
    body = [f"<!-- GENERATED by {SCRIPT} --rounds {args.rounds} --seed {args.seed}; python {sys.version.split()[0]}, "
            f"numpy {np.__version__}, pandas {pd.__version__}, "
            f"statsmodels {statsmodels.__version__} -->", ""]
    body += ["Alignments and self-consistency computed by (`$DATA` = the `--data` directory):", ""]
    body += [f"    pluralstats {c}" for c in align_cmds] + [""]
    body += report(args.out, args.jar, args.data, args.rounds, args.seed, eq4_csv, eq3_csv, eq3)
    body += alignment_summary(align)
    text = "\n".join(body)
    doc = open(args.doc, encoding="utf-8").read() if os.path.exists(args.doc) else \
        "# Reproduction\n\n<!-- BEGIN GENERATED -->\n<!-- END GENERATED -->\n"
    start = doc.index("<!-- BEGIN GENERATED -->") + len("<!-- BEGIN GENERATED -->")
    end = doc.index("<!-- END GENERATED -->")
    with open(args.doc, "w", encoding="utf-8") as f:
        f.write(doc[:start] + "\n" + text + "\n" + doc[end:])
    print(f"updated {args.doc}", file=sys.stderr)


if __name__ == "__main__":
    main()
