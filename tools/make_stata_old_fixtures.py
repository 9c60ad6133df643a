#!/usr/bin/python3
"""Writes small Stata files of the old binary releases 102-105 and 108 (no program we have writes them).

    python3 tools/make_stata_old_fixtures.py pluralstats-core/src/test/resources/org/pluralstats/io/stata/old

The layout is the one pandas 3.0 `read_stata` reads (and, where they agree, ReadStat and R foreign):
header (release, byte order, filetype 1, padding, nvar u16, nobs u16 in 102 / u32 later, data label
32 bytes up to 105 / 81 in 108, time stamp 18 bytes from 105), typlist ('b' 'i' 'l' 'f' 'd', 0x7f+n
for str n), varlist (9 bytes each), srtlist, fmtlist (7 bytes up to 104, 12 later), lbllist (9),
variable labels (32 up to 105, 81 in 108), expansion fields (from 105: type byte + 2-byte length,
ended by 0, 0), the data, then the value labels: up to 105 n (2 bytes), name (9), 1 pad, n 2-byte
values, n 8-byte labels; in 108 len (4), name (9), 3 pad, n, txtlen, off[n], val[n], txt.

Each file holds numbers of every type, the old missing codes (byte 127, int 32767, long 2^31-1,
floats and doubles above the largest valid value, and 2^333, the double missing of releases <= 105),
the extreme valid values (-128, -32768, -2^31), strings with Latin-1 letters, variable labels, a data
label, an expansion field, a used and an unused value-label table and a variable naming an absent one.
Reference values come from pandas reading these files: tools/stata_old_reference.py.
"""
import os
import struct
import sys

OLD_DOUBLE_MISSING = 2.0 ** 333


def pad(text, n):
    b = text.encode("latin-1")
    assert len(b) <= n, (text, n)
    return b + b"\0" * (n - len(b))


def write(path, release, order):
    e = "<" if order == 2 else ">"
    has_byte = release >= 104       # pandas: the byte type appeared in 104
    has_string = release >= 103     # ... and strings in 103
    old_labels = release <= 105
    label_len = 32 if release <= 105 else 81
    fmt_len = 7 if release <= 104 else 12
    # name, type code, struct code, format, value-label table, variable label, values
    inf = float("inf")
    variables = [
        ("idx", "i", "h", "%8.0g", "", "Row number", [1, 2, 3, 4, 5, 6]),
        ("agree", "i", "h", "%8.0g", "agree5", "Agree with statement (1-5)", [1, 5, 32767, -32768, 3, 2]),
        ("income", "l", "i", "%12.0g", "", "Income in \u00e9cus", [120000, -2147483648, 2147483647, 0, 7, 2147483646]),
        ("weight", "f", "f", "%9.0g", "", "Design weight", [0.5, 1.25, 2.0 ** 127, -1.5, 3.4e38, 1e-3]),
        ("score", "d", "d", "%10.0g", "nolab", "Score", [0.1, -2.5e300, 2.0 ** 1023, OLD_DOUBLE_MISSING, 1e-300, 42.0]),
    ]
    if has_byte:
        variables.append(("small", "b", "b", "%8.0g", "", "Small count", [-128, 126, 127, 0, 100, -1]))
    if has_string:
        variables.append(("country", "s7", "7s", "%7s", "", "Country name", ["Fran\u00e7e", "", "Deutsch", "a b ", "\u00d6st", "Z"]))
    rows = len(variables[0][6])
    k = len(variables)
    out = bytearray()
    out += bytes([release, 0 if release == 102 else order, 1, 0])
    out += struct.pack(e + "H", k)
    out += struct.pack(e + ("H" if release == 102 else "I"), rows)
    out += pad("Old release %d %s" % (release, "LOHI" if order == 2 else "HILO"), label_len)
    if release >= 105:
        out += pad("14 Aug 2013 14:49", 18)
    for v in variables:
        code = v[1]
        out += bytes([0x7F + int(code[1:])]) if code.startswith("s") else code.encode()
    for v in variables:
        out += pad(v[0], 9)
    out += struct.pack(e + "h" * (k + 1), *([0] * (k + 1)))
    for v in variables:
        out += pad(v[3], fmt_len)
    for v in variables:
        out += pad(v[4], 9)
    for v in variables:
        out += pad(v[5], label_len)
    if release >= 105:
        note = b"_dta\0\0\0\0\0note1\0\0\0\0an expansion field\0"
        out += bytes([1]) + struct.pack(e + "h", len(note)) + note
        out += bytes([0]) + struct.pack(e + "h", 0)
    for r in range(rows):
        for v in variables:
            x = v[6][r]
            if v[2].endswith("s"):
                out += pad(x, int(v[2][:-1]))
            else:
                out += struct.pack(e + v[2], x)
    tables = [("agree5", [(1, "disagree"), (5, "agree"), (3, "neutral"), (-1, "refused")]),
              ("unused", [(0, "zero"), (1, "one")])]
    for name, entries in tables:
        if old_labels:
            out += struct.pack(e + "H", len(entries)) + pad(name, 9) + b"\0"
            out += struct.pack(e + "h" * len(entries), *[v for v, _ in entries])
            for _, text in entries:
                out += pad(text, 8)
        else:
            txt = bytearray()
            offsets = []
            for _, text in entries:
                offsets.append(len(txt))
                txt += text.encode("latin-1") + b"\0"
            n = len(entries)
            table = struct.pack(e + "ii", n, len(txt)) + struct.pack(e + "i" * n, *offsets)
            table += struct.pack(e + "i" * n, *[v for v, _ in entries]) + bytes(txt)
            out += struct.pack(e + "i", len(table)) + pad(name, 9) + b"\0\0\0" + table
    with open(path, "wb") as f:
        f.write(out)


def main():
    target = sys.argv[1]
    for release in (102, 103, 104, 105, 108):
        for order in ((2,) if release == 102 else (2, 1)):
            name = "gen_%d_%s.dta" % (release, "lsf" if order == 2 else "msf")
            write(os.path.join(target, name), release, order)
            print("wrote", name)


if __name__ == "__main__":
    main()
