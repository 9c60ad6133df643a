"""Checks that value polarity score outputs agree (issue 12: a fast wrong answer cannot pass).

    python compare.py [--tol 1e-12] [--subset] REFERENCE.csv OTHER.csv [OTHER.csv ...]

Each file is a CSV with the columns `population,item,vps` (the peers; pluralstats `vps --format csv`
adds se, nEff, ... which are ignored) and optionally a leading `grouping` column (several groupings in
one run; the global population is `global`). A row is keyed by (grouping, population, item). When
only one side has a `grouping` column and it holds a single grouping, it is dropped; otherwise the
shapes must match. Every OTHER must hold exactly the REFERENCE's keys (with --subset: only keys the
REFERENCE holds, all of them present, e.g. 10 items checked against a 250-item reference) and
|vps - vps_ref| <= tol for each (an empty vps, no estimate, must be empty on both sides).
Prints one line per OTHER (keys, max |diff| and where); exits 1 on the first disagreement.
Standard library only, so it runs with any python3.
"""
import csv
import math
import sys


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
        fields = rows[0].keys() if rows else []
    for col in ("population", "item", "vps"):
        if col not in fields:
            raise SystemExit(f"compare: {path}: no column {col!r} (columns: {', '.join(fields)})")
    grouped = "grouping" in fields
    out = {}
    for r in rows:
        key = (r["grouping"] if grouped else None, r["population"], r["item"])
        if key in out:
            raise SystemExit(f"compare: {path}: key {fmt(key)} appears twice")
        v = r["vps"].strip()
        out[key] = math.nan if v in ("", "NA", "NaN", "nan", "null") else float(v)
    return grouped, out


def drop_grouping(path, table):
    groupings = {k[0] for k in table}
    if len(groupings) > 1:
        raise SystemExit(f"compare: {path} holds several groupings ({', '.join(sorted(groupings))}) "
                         "but the other file has no grouping column")
    return {(None, k[1], k[2]): v for k, v in table.items()}


def fmt(key):
    g, p, i = key
    return (f"grouping={g} " if g is not None else "") + f"population={p} item={i}"


def main(argv):
    tol, subset, paths = 1e-12, False, []
    it = iter(argv)
    for a in it:
        if a == "--tol":
            tol = float(next(it))
        elif a == "--subset":
            subset = True
        else:
            paths.append(a)
    if len(paths) < 2:
        raise SystemExit(__doc__)
    ref_grouped, ref = load(paths[0])
    ok = True
    for path in paths[1:]:
        grouped, other = load(path)
        r = ref
        if grouped and not ref_grouped:
            other = drop_grouping(path, other)
        elif ref_grouped and not grouped:
            r = drop_grouping(paths[0], ref)
        missing = [k for k in r if k not in other] if not subset else []
        extra = [k for k in other if k not in r]
        if subset and not other:
            missing = ["(no rows)"]
        if missing or extra:
            ok = False
            what = (f"{len(missing)} keys of the reference missing, e.g. {fmt(missing[0]) if missing[0] != '(no rows)' else missing[0]}"
                    if missing else f"{len(extra)} keys not in the reference, e.g. {fmt(extra[0])}")
            print(f"compare: FAIL {path} vs {paths[0]}: {what}")
            continue
        worst, where, bad = 0.0, None, None
        for k, v in other.items():
            rv = r[k]
            if math.isnan(v) or math.isnan(rv):
                if not (math.isnan(v) and math.isnan(rv)):
                    bad = (k, rv, v)
                    break
                continue
            d = abs(v - rv)
            if d > worst or where is None:
                worst, where = d, k
            if d > tol:
                bad = (k, rv, v)
                break
        if bad:
            ok = False
            k, rv, v = bad
            print(f"compare: FAIL {path} vs {paths[0]}: {fmt(k)}: vps {v!r} vs reference {rv!r} "
                  f"(|diff| {abs(v - rv) if not (math.isnan(v) or math.isnan(rv)) else 'nan'} > {tol:g})")
        else:
            print(f"compare: ok {path} vs {paths[0]}: {len(other)} keys, max |diff| {worst:.3g}"
                  + (f" at {fmt(where)}" if where else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
