#!/usr/bin/python3
"""Writes the pandas-made Stata fixtures for the StataReader tests.

    /usr/bin/python3 tools/make_stata_fixtures.py <output-directory>

Uses Debian's pandas (DataFrame.to_stata) to write releases 114, 117, 118 and 119 in both byte orders
(byteorder="<" and ">") with every numeric storage type (int8 -> byte, int16 -> int, int32 -> long,
float32 -> float, float64 -> double), str# with non-ASCII text (latin-1 for 114/117, UTF-8 beyond
latin-1 for 118/119), two strL variables with cross-linked values (117+), value labels and
variable labels.

Two documented post-processing steps change bytes pandas wrote, because no installed program can
write these things (each step is small and follows Stata's dta documentation, help dta / dta_117 /
dta_115; the reference values still come from haven's independent reader, tools/stata_reference.R):

1. Extended missing values. Neither pandas nor haven can store .a-.z in byte/int/long/float
   columns, so pandas writes placeholder values in rows 3, 7, 11 and 13 and this script overwrites
   those cells of every numeric column with the documented missing codes .a, .m, .z and "." (byte
   101+k, int 32741+k, long 2147483621+k, float 0x7f000000+(k<<11), double 0x7fe0000000000000+(k<<40)
   for k = 0 ('.') .. 26 ('z')), in the file's byte order.
2. Big-endian strL. pandas 1.5.3 writes big-endian strL files that no reader accepts: the GSO
   headers (v, o, len) stay little-endian and the 8-byte (v,o) data cells are written as the
   integer v + o*2^32 (117) or v + o*2^16 (118) instead of "v then o". For 117 and 118 big-endian this script rewrites those
   fields as the documentation specifies (117: v and o as two 4-byte MSF integers; 118: v as 2 bytes
   then o as 6 bytes MSF). No 119 big-endian strL fixture is made (no independent reader to check it).
"""
import datetime
import struct
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

warnings.simplefilter("ignore")

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
N = 30
MISSING_ROWS = {3: 1, 7: 13, 11: 26, 13: 0}   # row -> tag index: 1 = .a, 13 = .m, 26 = .z, 0 = "."
NUMERIC_CODES = {65530: "byte", 65529: "int", 65528: "long", 65527: "float", 65526: "double",
                 251: "byte", 252: "int", 253: "long", 254: "float", 255: "double"}
WIDTH = {"byte": 1, "int": 2, "long": 4, "float": 4, "double": 8}


def frame(release, strl):
    rng = np.random.default_rng(20261122)
    if release >= 118:
        words = ["Zürich", "日本語", "Ωmega", "naïve", "emoji \U0001F600", "plain", "", "Ça va"]
    else:
        words = ["café", "naïve", "Zürich", "plain", "", "ÅÄÖ", "über", "señor"]
    df = pd.DataFrame({
        "b_byte": rng.integers(-100, 101, N).astype(np.int8),
        "i_int": rng.integers(-32000, 32001, N).astype(np.int16),
        "l_long": rng.integers(-2_000_000_000, 2_000_000_001, N).astype(np.int32),
        "f_float": (rng.normal(0, 1000, N)).astype(np.float32),
        "d_double": rng.normal(0, 1e6, N),
        "s_str": [words[i % len(words)] for i in range(N)],
        "q_lab": rng.integers(1, 6, N).astype(np.int8),
    })
    df.loc[5, "f_float"] = np.nan
    df.loc[6, "d_double"] = np.nan
    df.loc[9, "d_double"] = 1.5e300
    if strl:
        long_text = "Stata strL é " * 170           # > 2045 bytes, else pandas writes a str#
        df["t_strl"] = [long_text if i in (0, 16) else ("" if i % 4 == 1 else f"row {i} é")
                        for i in range(N)]
        # pandas writes one GSO per distinct string, so equal strLs are cross-linked: within t_strl
        # (rows 0 and 16) and from u_strl back to t_strl (every third row).
        df["u_strl"] = [df["t_strl"][i] if i % 3 == 0 else f"other {i}" for i in range(N)]
    return df


def write(release, order, strl=True, name=None):
    df = frame(release, strl)
    tag = "le" if order == "<" else "be"
    path = OUT / (name or f"pandas_{release}_{tag}.dta")
    kw = {"convert_strl": ["t_strl", "u_strl"]} if strl else {}
    labels = {"b_byte": "A byte", "i_int": "An int", "l_long": "A long", "f_float": "A float",
              "d_double": "A double", "s_str": "A str#", "q_lab": "Labelled byte"}
    if strl:
        labels["t_strl"] = "A strL"
        labels["u_strl"] = "A strL sharing values with t_strl"
    df.to_stata(path, version=release, byteorder=order, write_index=False,
                time_stamp=datetime.datetime(2026, 1, 1, 12, 0),
                data_label=f"pandas {pd.__version__}, release {release}, {tag}",
                variable_labels=labels,
                value_labels={"q_lab": {1: "Very low", 2: "Low", 3: "Middle", 4: "High",
                                        5: "Very high" if release < 118 else "Très haut"}})
    patch(path, release, order, fix_strl=(strl and order == ">"))
    return path


def layout(data, release, order):
    """Returns (types, data_start, strls_start, K, N) of a pandas-written file."""
    o = order
    if release >= 117:
        k = struct.unpack(o + ("I" if release == 119 else "H"), data[data.find(b"<K>") + 3:][:4 if release == 119 else 2])[0]
        n_field = data[data.find(b"<N>") + 3:]
        n = struct.unpack(o + ("I" if release == 117 else "Q"), n_field[:4 if release == 117 else 8])[0]
        m = data.find(b"<map>") + 5
        offsets = struct.unpack(o + "14Q", data[m:m + 112])
        t0 = offsets[2] + len(b"<variable_types>")
        types = list(struct.unpack(o + f"{k}H", data[t0:t0 + 2 * k]))
        return types, offsets[9] + len(b"<data>"), offsets[10], k, n
    k, n = struct.unpack(o + "HI", data[4:10])
    types = list(data[109:109 + k])
    start = 109 + k * (1 + 33 + 2 + 49 + 33 + 81) + 2 + 5
    return types, start, None, k, n


def width(t, release):
    if t in NUMERIC_CODES:
        return WIDTH[NUMERIC_CODES[t]]
    if release >= 117 and t == 32768:
        return 8
    return t


def missing_code(kind, k, o):
    if kind == "byte":
        return struct.pack(o + "b", 101 + k)
    if kind == "int":
        return struct.pack(o + "h", 32741 + k)
    if kind == "long":
        return struct.pack(o + "i", 2147483621 + k)
    if kind == "float":
        return struct.pack(o + "I", 0x7F000000 + (k << 11))
    return struct.pack(o + "Q", 0x7FE0000000000000 + (k << 40))


def patch(path, release, order, fix_strl):
    data = bytearray(path.read_bytes())
    types, start, strls, k, n = layout(data, release, order)
    widths = [width(t, release) for t in types]
    row = sum(widths)
    offs = np.cumsum([0] + widths[:-1])
    typed = [j for j, t in enumerate(types) if t in NUMERIC_CODES][:5]   # b_byte .. d_double, not q_lab
    for r, tag in MISSING_ROWS.items():
        for j in typed:
            at = start + r * row + offs[j]
            code = missing_code(NUMERIC_CODES[types[j]], tag, order)
            data[at:at + len(code)] = code
    if fix_strl:
        for j in [j for j, t in enumerate(types) if t == 32768]:
            for r in range(n):
                at = start + r * row + offs[j]
                key = struct.unpack(">Q", data[at:at + 8])[0]
                shift = 32 if release == 117 else 16      # pandas 1.5.3 wrote v + o * 2**shift
                v, o = key & ((1 << shift) - 1), key >> shift
                cell = struct.pack(">II", v, o) if release == 117 else struct.pack(">H", v) + struct.pack(">Q", o)[2:]
                data[at:at + 8] = cell
        p = strls + len(b"<strls>")
        while data[p:p + 3] == b"GSO":
            ohead = 4 if release == 117 else 8
            v = struct.unpack("<I", data[p + 3:p + 7])[0]
            o = struct.unpack("<I" if release == 117 else "<Q", data[p + 7:p + 7 + ohead])[0]
            ln = struct.unpack("<I", data[p + 8 + ohead:p + 12 + ohead])[0]
            data[p + 3:p + 7] = struct.pack(">I", v)
            data[p + 7:p + 7 + ohead] = struct.pack(">I" if release == 117 else ">Q", o)
            data[p + 8 + ohead:p + 12 + ohead] = struct.pack(">I", ln)
            p += 12 + ohead + ln
        assert data[p:p + 8] == b"</strls>", data[p:p + 8]
    path.write_bytes(bytes(data))


def write_blank_strl(release):
    """strL and str# values with leading and trailing blanks, tabs and line breaks (issue 10: a strL is
    kept exactly as stored; haven strips trailing blanks of str# only, pandas of neither)."""
    long = "y" * 3000 + "  "
    df = pd.DataFrame({
        "id": np.arange(1, 7, dtype=np.int8),
        "short": ["a  ", " b", "c\t", "", "  ", "d"],
        "essay": ["x  ", long, "  ", "z\n ", "", "plain"],
    })
    path = OUT / f"pandas_{release}_strl_blanks.dta"
    df.to_stata(path, version=release, write_index=False, convert_strl=["essay"],
                variable_labels={"essay": "strL with trailing blanks"})
    return path


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    print("wrote", write_blank_strl(117))
    print("wrote", write_blank_strl(118))
    for order in ("<", ">"):
        print("wrote", write(114, order, strl=False))
        for release in (117, 118):
            print("wrote", write(release, order))
    # 119: no strL in these two (haven, the reference, reads 119 strLs with release 118's (v,o)
    # layout); the 119 strL fixture is little-endian and its reference comes from pandas.
    print("wrote", write(119, "<", strl=False))
    print("wrote", write(119, ">", strl=False))
    print("wrote", write(119, "<", strl=True, name="pandas_119_le_strl.dta"))
