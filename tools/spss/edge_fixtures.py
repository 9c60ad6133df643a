#!/usr/bin/env python3
"""Derives the SPSS edge-case fixtures (pluralstats-core/src/test/resources/org/pluralstats/io/spss/edge/) from files
PSPP wrote, by patching bytes, and records what PSPP (pspp-convert) and R haven read from each one.

  edge_fixtures.py SRC OUT     SRC holds pspp_240_*.sav, pspp_240.zsav and pspp_strings.sav; the
                               haven_*label_keys.sav files are written there by haven_label_keys.R

Each mutation is one thing a damaged or hand-edited file can say (a header case count lower or
higher than the data, data appended after the declared cases, a removed variable record, a
float-info record (7.4) declaring SYSMIS = 0.0, a very long string record (7.14) that lies about a
width, Latin-1 bytes in a file declared UTF-8). OUT/edge-reference.json holds, per file, PSPP's
verdict (rows, per-column sums and non-missing counts, string contents as a SHA-256 of the values
joined by newlines, or the error it printed) and haven's (rows and value labels, or its error). Python 3 standard library
plus the pspp-convert and Rscript commands.
"""
import csv
import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sav_tool import Sav  # noqa: E402


def read(path):
    return bytearray(open(path, "rb").read())


def record(sav, rtype, subtype=None):
    for t, a, e, info in sav.records:
        if t == rtype and (subtype is None or info.get("subtype") == subtype):
            return a, e
    raise SystemExit("no record %s/%s" % (rtype, subtype))


def set_cases(b, n):
    b[80:84] = struct.pack("<i", n)
    return b


def mutations(src):
    comp = os.path.join(src, "pspp_240_compressed.sav")
    unc = os.path.join(src, "pspp_240_uncompressed.sav")
    zsav = os.path.join(src, "pspp_240.zsav")
    strings = os.path.join(src, "pspp_strings.sav")
    out = {}
    for name, path in (("compressed", comp), ("uncompressed", unc), ("zsav", zsav)):
        ext = ".zsav" if name == "zsav" else ".sav"
        for n in (239, 1, 0, 241):
            out["cases_%d_%s%s" % (n, name, ext)] = (path, "header case count %d (240 cases present)" % n,
                                                     set_cases(read(path), n))
    # Data appended past the declared cases: the last case again (uncompressed) or the whole data
    # section again (compressed: PSPP pads the last block of codes with zeros, so it ends on a case).
    b = read(unc)
    s = Sav(bytes(b))
    case = 8 * len(s.var_types)
    out["appended_case_uncompressed.sav"] = (unc, "the last case appended again, header still 240", b + b[-case:])
    b = read(comp)
    s = Sav(bytes(b))
    out["appended_data_compressed.sav"] = (comp, "the data section appended again, header still 240",
                                           b + b[s.data_ofs:])
    # A removed variable record: the numeric variable 'small' (the 3rd type 2 record).
    for name, path in (("compressed", comp), ("uncompressed", unc)):
        b = read(path)
        s = Sav(bytes(b))
        t2 = [r for r in s.records if r[0] == 2]
        a, e = t2[2][1], t2[2][2]
        out["removed_variable_%s.sav" % name] = (path, "the variable record of 'small' removed", b[:a] + b[e:])
    # Float-info record (7.4) declaring SYSMIS = 0.0 (and HIGHEST/LOWEST unchanged).
    for name, path in (("compressed", comp), ("uncompressed", unc)):
        b = read(path)
        a, e = record(Sav(bytes(b)), 7, 4)
        b[a + 16:a + 24] = struct.pack("<d", 0.0)
        out["sysmis_zero_%s.sav" % name] = (path, "float info record SYSMIS = 0.0", b)
    # Latin-1 bytes in a file declared UTF-8: 'Café' (UTF-8 C3 A9) of case 57 as 'Caf\xe9 '.
    for name, path in (("compressed", comp), ("uncompressed", unc)):
        b = read(path)
        s = Sav(bytes(b))
        k = b.index("Café".encode("utf-8"), s.data_ofs)
        b[k:k + 5] = b"Caf\xe9 "
        out["latin1_in_utf8_%s.sav" % name] = (path, "case 57 of city written in windows-1252", b)
    # Very long string records that lie: ESSAY_60 (600 bytes) declared as 300; ESSAY_30 (300) as 256.
    for lie, label in ((b"ESSAY_60=00600", b"ESSAY_60=00300"), (b"ESSAY_30=00300", b"ESSAY_30=00256")):
        b = read(strings)
        a, e = record(Sav(bytes(b)), 7, 14)
        body = bytes(b[a + 16:e])
        old, new = lie, label
        if old not in body:
            raise SystemExit("%r not in the very long string record %r" % (old, body))
        b[a + 16:e] = body.replace(old, new)
        out["vls_%d_as_%d.sav" % (int(old.split(b"=")[1]), int(new.split(b"=")[1]))] = (
            strings, "very long string record says %s" % new.decode(), b)
    out["pspp_strings.sav"] = (strings, "unchanged: record 7.22 with a length before each value", read(strings))
    for name in ("haven_label_keys.sav", "haven_long_label_keys.sav"):
        out[name] = (os.path.join(src, name), "unchanged: string value label keys longer than the width",
                     read(os.path.join(src, name)))
    return out


def pspp(path, tmp):
    target = os.path.join(tmp, "out.csv")
    if os.path.exists(target):
        os.remove(target)
    p = subprocess.run(["pspp-convert", path, target], capture_output=True, text=True)
    # Without the directory, so that the reference does not depend on where it was made.
    folder = os.path.dirname(path) + os.sep
    messages = [m.replace(folder, "") for m in p.stderr.splitlines() if m.strip()]
    if p.returncode != 0:
        return {"ok": False, "messages": messages}
    with open(target, newline="", encoding="utf-8", errors="replace") as f:
        rows = list(csv.reader(f))
    names, body = rows[0], rows[1:]
    result = {"ok": True, "rows": len(body), "names": names, "messages": messages, "sums": {},
              "nonmissing": {}, "strings": {}}
    for j, name in enumerate(names):
        col = [r[j] for r in body]
        try:
            nums = [float(c) for c in col if c.strip() != ""]
            result["sums"][name] = sum(nums)
            result["nonmissing"][name] = len(nums)
        except ValueError:
            result["strings"][name] = hashlib.sha256("\n".join(col).encode("utf-8")).hexdigest()
    return result


HAVEN = r"""
suppressPackageStartupMessages(library(haven))
f <- commandArgs(TRUE)[1]
r <- tryCatch({
  d <- read_sav(f)
  labels <- lapply(d, function(x) { l <- attr(x, "labels"); if (is.null(l)) list() else as.list(l) })
  cat(jsonlite::toJSON(list(ok = TRUE, rows = nrow(d), labels = labels), auto_unbox = TRUE, digits = NA))
}, error = function(e) cat("ERROR", conditionMessage(e)))
"""


def haven(path, tmp):
    script = os.path.join(tmp, "haven.R")
    with open(script, "w") as f:
        f.write(HAVEN)
    p = subprocess.run(["Rscript", script, path], capture_output=True, text=True)
    out = p.stdout.strip()
    if "ERROR" in out:
        message = " ".join(out.split("ERROR", 1)[1].split())
        return {"ok": False, "message": re.sub(r"[^ `']*/(?=" + re.escape(os.path.basename(path)) + ")", "", message)}
    return json.loads(out[out.index("{"):])


def main(src, out):
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp()
    subprocess.run(["Rscript", os.path.join(os.path.dirname(os.path.abspath(__file__)), "haven_label_keys.R"), src],
                   check=True)
    try:
        files = []
        for name, (origin, what, data) in sorted(mutations(src).items()):
            path = os.path.join(out, name)
            with open(path, "wb") as f:
                f.write(bytes(data))
            files.append({"file": name, "made_from": os.path.basename(origin), "mutation": what,
                          "pspp": pspp(path, tmp), "haven": haven(path, tmp)})
        for name in ("pspp_240_compressed.sav", "pspp_240_uncompressed.sav", "pspp_240.zsav"):
            shutil.copy(os.path.join(src, name), os.path.join(out, name))
            path = os.path.join(out, name)
            files.append({"file": name, "made_from": name, "mutation": "none (the base file)",
                          "pspp": pspp(path, tmp), "haven": haven(path, tmp)})
        with open(os.path.join(out, "edge-reference.json"), "w") as f:
            json.dump({"generator": "tools/spss/edge_fixtures.py", "files": files}, f, indent=1, ensure_ascii=False)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
