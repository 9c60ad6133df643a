"""Turns the timings of bench.sh into the Markdown section of docs/benchmarks.md (issue 12).

    python report.py [--plan plan.tsv] --results results.tsv --notes notes.tsv --rounds N --machine TEXT --date TEXT [--doc FILE]

plan.tsv: job, tool per line, the order of the rows.
results.tsv: job, tool, round, wall s, peak RSS KB, exit status (one line per timed run).
notes.tsv: job, tool, note ("compare" lines with the max |diff|, "not supported yet", "failed ...").
Prints the section; with --doc, also writes it between <!-- bench:begin --> and <!-- bench:end -->
(the markers are added after the intro paragraph when absent). Standard library only.
"""
import argparse
import collections
import re
import statistics
import sys

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
JOBS = {
    "a": "vps of 250 items by country, `wave7-scale.csv` (128 MB, 100,000 × 606)",
    "b": "the same from `wave7-scale.sav` / `.dta`",
    "c": "vps of 10 items by country, `wave7-scale.csv`",
    "d": "250 items, three groupings in one run (country, language, global)",
    "e": "`big-10m.csv` (10,000,000 × 22), 20 items by country",
}


def mb(kb):
    return kb * 1024 / 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plan", default="", help="job, tool per line: the rows' order")
    ap.add_argument("--results", required=True)
    ap.add_argument("--notes", required=True)
    ap.add_argument("--rounds", required=True)
    ap.add_argument("--warmup", default="1")
    ap.add_argument("--machine", required=True)
    ap.add_argument("--date", required=True)
    ap.add_argument("--doc", default="")
    a = ap.parse_args()

    runs = collections.OrderedDict()
    if a.plan:
        with open(a.plan) as f:
            for line in f:
                job, tool = line.rstrip("\n").split("\t")
                runs[(job, tool)] = []
    with open(a.results) as f:
        next(f)
        for line in f:
            job, tool, _, wall, rss, _ = line.rstrip("\n").split("\t")
            runs.setdefault((job, tool), []).append((float(wall), int(rss)))
    notes, diffs = {}, {}
    with open(a.notes) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[2] == "compare":
                m = re.search(r"vs (\S+): .*max \|diff\| (\S+)", parts[3])
                if m:
                    key = (parts[0], parts[1])
                    ref = m.group(1)[:-4] if m.group(1).endswith(".csv") else m.group(1)
                    d = max(diffs.get(key, (0.0, ""))[0], float(m.group(2)))
                    diffs[key] = (d, "" if "pandas" in ref else f" (vs {ref})")
            elif len(parts) >= 3:
                notes[(parts[0], parts[1])] = parts[2]
                runs.setdefault((parts[0], parts[1]), [])

    runs = collections.OrderedDict((k, v) for k, v in runs.items() if v or k in notes)   # drop never-run rows
    med = {k: statistics.median(w for w, _ in v) for k, v in runs.items() if v}

    def m(job, tool):
        return med.get((job, tool))

    one_grouping = m("a", "pluralstats") or m("d", "pluralstats 1 grouping")
    goals = {
        ("a", "pluralstats"): "≤ polars; ≥ 4× faster than pandas; peak RSS ≤ 400 MB",
        ("b", "pluralstats .sav"): "≤ ½ of the CSV time (a)",
        ("b", "pluralstats .dta"): "≤ ½ of the CSV time (a)",
        ("c", "pluralstats"): "≥ 3× faster than 250 items (a)",
        ("d", "pluralstats"): "≤ 1.3× one grouping",
        ("e", "pluralstats"): "completes under `-Xmx512m`",
    }

    def met(job, tool):
        t = m(job, tool)
        if (job, tool) not in goals:
            return ""
        if t is None:
            return "—"
        rss = statistics.median(r for _, r in runs[(job, tool)])
        if job == "a":
            pl, pd = m("a", "polars"), m("a", "pandas")
            checks = []
            if pl:
                checks.append((t <= pl, f"{t / pl:.2f}× polars"))
            if pd:
                checks.append((pd / t >= 4, f"pandas ÷ pluralstats {pd / t:.2f}"))
            checks.append((mb(rss) <= 400, f"{mb(rss):.0f} MB"))
            return ("✓ " if all(c for c, _ in checks) else "✗ ") + ", ".join(s for _, s in checks)
        ref = m("a", "pluralstats")
        if job == "b":
            return "—" if not ref else ("✓ " if t <= ref / 2 else "✗ ") + f"{t / ref:.2f}× the CSV"
        if job == "c":
            return "—" if not ref else ("✓ " if ref / t >= 3 else "✗ ") + f"250 ÷ 10 items {ref / t:.2f}"
        if job == "d":
            return "—" if not one_grouping else ("✓ " if t <= 1.3 * one_grouping else "✗ ") + f"{t / one_grouping:.2f}×"
        if job == "e":
            return "✓ completes" if (job, tool) not in notes else "✗"
        return ""

    def ratio(job, tool, peer):
        t = m(job, tool)
        p = m(job, peer) if m(job, peer) is not None else (m("a", peer) if job in "bc" else None)
        if t is None or p is None or tool == peer:
            return ""
        return f"{t / p:.2f}" + (" (a)" if m(job, peer) is None else "")

    out = [f"### Whole-process run (issue 12), {a.date}", "",
           f"Medians of {a.rounds} round{'s' if a.rounds != '1' else ''}, every tool as a whole process (start-up "
           "included), round-robin in every round"
           + (" after one untimed warm-up round, files in the page cache" if a.warmup != "0" else " (no warm-up round)")
           + "; wall and peak RSS by "
           "`/usr/bin/time`. pluralstats computes the scores with SE, n_eff and CI; the peers compute point "
           "estimates only. Every output is checked against pandas' after every round and agrees to 1e-12 (the "
           "run stops otherwise; the largest |difference| is in the last column). Ratios: median wall ÷ the peer's median wall in the same job "
           "(`(a)`: job a's).", "",
           "| job | tool | median wall | min–max | peak RSS (median) | ÷ polars | ÷ pandas | goal | met | max \\|Δvps\\| vs pandas |",
           "|---|---|---:|---:|---:|---:|---:|---|---|---:|"]
    seen = set()
    for (job, tool), v in sorted(runs.items(), key=lambda kv: kv[0][0]):   # by job, in run order
        label = f"{job}: {JOBS.get(job, job)}" if job not in seen else ""
        seen.add(job)
        if v:
            walls = [w for w, _ in v]
            rss = statistics.median(r for _, r in v)
            cells = [f"{med[(job, tool)]:.2f} s", f"{min(walls):.2f}–{max(walls):.2f} s", f"{mb(rss):.0f} MB",
                     ratio(job, tool, "polars"), ratio(job, tool, "pandas")]
        else:
            cells = ["—", "—", "—", "", ""]
        note = notes.get((job, tool), "")
        goal = goals.get((job, tool), "")
        ok = met(job, tool)
        if note and not v:
            ok = note.split(":")[0]
        d = diffs.get((job, tool))
        is_ref = (tool == "pandas" and job in "ade") or any(r == f" (vs {job}-{tool})" for _, r in diffs.values())
        dcell = "reference" if is_ref else (f"{d[0]:.1e}{d[1]}" if d is not None else "")
        out.append(f"| {label} | {tool} | " + " | ".join(cells) + f" | {goal} | {ok} | {dcell} |")
    for (job, tool), note in notes.items():
        out.append("")
        out.append(f"- {job}, {tool}: {note.replace('|', '/')}")
    out += ["", f"Machine: {a.machine}; {a.date}."]
    section = "\n".join(out) + "\n"
    print(section, end="")
    if a.doc:
        write(a.doc, section)


def write(path, section):
    with open(path) as f:
        text = f.read()
    block = f"{BEGIN}\n{section}{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        lines = text.split("\n")
        i = next(k for k, l in enumerate(lines) if l.startswith("# ")) + 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        while i < len(lines) and lines[i].strip():
            i += 1
        lines[i:i] = ["", block]
        text = "\n".join(lines)
    with open(path, "w") as f:
        f.write(text)
    print(f"report: wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
