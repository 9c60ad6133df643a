"""polars peer of `pluralstats vps --rule paper` (issue 12): one whole process, point estimates only.

A lazy `scan_csv` that selects only the needed columns (projection pushdown: the other columns are
not materialised), the pooled maximum of every item in one expression pass, then the paper's
binarisation and the weighted sums as expressions inside one `group_by` per grouping, all groupings
collected together (`collect_all`, run in parallel):
    vps = sum(w * A) / sum(w)   over the respondents with a valid code (> 0).

The paper rule, per item, with max the largest valid code pooled over the whole file:
max 3 -> positive is code 1; max 10 -> codes 6..10; otherwise codes <= max // 2.

    python peer_polars.py FILE N_ITEMS OUT.csv GROUPING [GROUPING ...]

GROUPING: a column (B_COUNTRY_ALPHA, LNGE_ISO) or `global`. OUT.csv is long:
`population,item,vps`, with a leading `grouping` column when several groupings are asked.
"""
import sys

import polars as pl

WEIGHT = "W_WEIGHT"


def main(path, n_items, out, groupings):
    items = [f"Q{i}" for i in range(1, n_items + 1)]
    columns = [g for g in groupings if g != "global"]
    # the file is read once; the maxima and every grouping work on the selected columns in memory
    # WVS answer codes are small integers (-5..10 here): Int8 columns parse and scan faster
    df = (pl.scan_csv(path, schema_overrides={q: pl.Int8 for q in items})
          .select(columns + [WEIGHT] + items).collect())

    maxima = df.select(pl.col(items).filter(pl.col(items) > 0).max()).row(0, named=True)
    w = pl.col(WEIGHT).cast(pl.Float64)
    aggs = []
    for q in items:
        mx = maxima[q]
        lo, hi = (6, 10) if mx == 10 else (1, 1) if mx == 3 else (1, mx // 2)
        x = pl.col(q)
        # when/then/otherwise measured faster than filter().sum() or w * mask (polars 1.44)
        aggs.append((pl.when(x.is_between(lo, hi)).then(w).otherwise(0.0).sum()
                     / pl.when(x > 0).then(w).otherwise(0.0).sum()).alias(q))

    lazy = df.lazy()
    queries = []
    for g in groupings:
        if g == "global":
            query = lazy.select(aggs).with_columns(population=pl.lit("global"))
        else:
            query = lazy.group_by(pl.col(g).alias("population")).agg(aggs)
        queries.append(query.unpivot(index="population", variable_name="item", value_name="vps")
                       .with_columns(grouping=pl.lit(g)))
    res = pl.concat(pl.collect_all(queries))
    res = res.select(([] if len(groupings) == 1 else ["grouping"]) + ["population", "item", "vps"])
    res.write_csv(out)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:])
