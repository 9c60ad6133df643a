"""DuckDB peer of `pluralstats vps --rule paper` (issue 12): one whole process, point estimates only.

SQL over `read_csv` of only the needed columns (projection pushdown), loaded once into an in-memory
table; one query for the pooled maxima, then one aggregate query for all groupings at once
(GROUPING SETS), unpivoted to the long shape and written with COPY:
    vps = sum(CASE WHEN A = 1 THEN w ELSE 0 END) / sum(CASE WHEN code > 0 THEN w ELSE 0 END).

Measured choices (DuckDB 1.5, 2 cores): the schema is given (`auto_detect = false`, column names from
the header line, the answer codes TINYINT) because sniffing 606 columns costs ~2 s of a ~4 s run;
CASE sums, because 500 `FILTER (WHERE ...)` aggregates are ~7x slower; max(code) is the largest valid
code because the missing codes are negative.

The paper rule, per item, with max the largest valid code pooled over the whole file:
max 3 -> positive is code 1; max 10 -> codes 6..10; otherwise codes <= max // 2.

    python peer_duckdb.py FILE N_ITEMS OUT.csv GROUPING [GROUPING ...]

GROUPING: a column (B_COUNTRY_ALPHA, LNGE_ISO) or `global`. OUT.csv is long:
`population,item,vps`, with a leading `grouping` column when several groupings are asked.
"""
import csv
import sys

import duckdb

WEIGHT = "W_WEIGHT"


def lit(s):
    return "'" + s.replace("'", "''") + "'"


def main(path, n_items, out, groupings):
    items = [f"Q{i}" for i in range(1, n_items + 1)]
    columns = [g for g in groupings if g != "global"]
    con = duckdb.connect()
    with open(path, newline="") as f:
        header = next(csv.reader(f))
    # WVS answer codes are small integers (-5..10 here): TINYINT; the columns not selected are skipped
    types = {c: "TINYINT" if c in set(items) else "DOUBLE" if c == WEIGHT else "VARCHAR" for c in header}
    schema = "{" + ", ".join(f"{lit(c)}: {lit(t)}" for c, t in types.items()) + "}"
    con.execute(f"CREATE TABLE t AS SELECT {', '.join(columns + [WEIGHT] + items)} FROM read_csv({lit(path)}, "
                f"auto_detect = false, header = true, delim = ',', quote = '\"', columns = {schema})")

    maxima = con.execute("SELECT " + ", ".join(f"max({q})" for q in items) + " FROM t").fetchone()
    scores = []
    for q, mx in zip(items, maxima):
        lo, hi = (6, 10) if mx == 10 else (1, 1) if mx == 3 else (1, mx // 2)
        scores.append(f"sum(CASE WHEN {q} BETWEEN {lo} AND {hi} THEN {WEIGHT} ELSE 0 END) "
                      f"/ sum(CASE WHEN {q} > 0 THEN {WEIGHT} ELSE 0 END) AS {q}")
    sets = ", ".join("()" if g == "global" else f"({g})" for g in groupings)
    if columns:
        which = "CASE " + " ".join(f"WHEN GROUPING({g}) = 0 THEN {lit(g)}" for g in columns) + " ELSE 'global' END"
        population = f"coalesce({', '.join(columns)}, 'global')" if "global" in groupings else \
            (columns[0] if len(columns) == 1 else f"coalesce({', '.join(columns)})")
    else:
        which, population = "'global'", "'global'"
    keys = ([] if len(groupings) == 1 else ["grouping"]) + ["population", "item", "vps"]
    con.execute(f"""
        COPY (
          SELECT {', '.join(keys)} FROM (
            UNPIVOT (
              SELECT {which} AS grouping, {population} AS population, {', '.join(scores)}
              FROM t GROUP BY GROUPING SETS ({sets})
            ) ON {', '.join(items)} INTO NAME item VALUE vps)
        ) TO {lit(out)} (HEADER, DELIMITER ',')""")


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:])
