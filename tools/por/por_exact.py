"""Exact values of the numbers in PSPP-written (ASCII) portable files, as JSON: each base-30 number
m x 30^e is taken as a Python Fraction and converted to the nearest double with float(), which rounds
a Fraction correctly (ties to even). A second reference for org.pluralstats.io.por, independent of
R foreign, whose arithmetic (repeated double multiply-adds) is off by a few units in the last place.
Reads only what PSPP 1.6 writes: an identity ASCII character table, records 1-9, A-F.
Usage: python3 por_exact.py OUT.json FILE.por..."""
import json
import sys
from fractions import Fraction

D30 = "0123456789ABCDEFGHIJKLMNOPQRST"


def unwrap(raw):
    out = []
    for line in raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"):
        out.append(line + b" " * max(0, 80 - len(line)))
    return b"".join(out).decode("latin-1")


class P:
    def __init__(self, text):
        self.s, self.i = text, 464

    def number(self):
        s = self.s
        while s[self.i] == " ":
            self.i += 1
        if s[self.i] == "*":
            self.i += 2
            return None
        j = s.index("/", self.i)
        tok, self.i = s[self.i:j], j + 1
        neg = tok.startswith("-")
        tok = tok.lstrip("-")
        exp = 0
        for k in range(1, len(tok)):
            if tok[k] in "+-":
                e = int(tok[k + 1:], 30)
                exp = e if tok[k] == "+" else -e
                tok = tok[:k]
                break
        whole, _, frac = tok.partition(".")
        m = int((whole + frac) or "0", 30)
        v = Fraction(m) * Fraction(30) ** (exp - len(frac))
        return -v if neg else v

    def string(self):
        n = int(self.number())
        v = self.s[self.i:self.i + n]
        self.i += n
        return v

    def tag(self):
        c = self.s[self.i]
        self.i += 1
        return c


def read(path):
    p = P(unwrap(open(path, "rb").read()))
    assert p.s[456:464] == "SPSSPORT" and p.tag() == "A"
    p.string(), p.string()
    widths = []
    while True:
        t = p.tag()
        if t in "123":
            p.string()
        elif t in "45":
            p.number()
        elif t == "6":
            p.string()
        elif t == "7":
            w = int(p.number())
            name = p.string()
            for _ in range(6):
                p.number()
            widths.append((name, w))
        elif t in "89AB":
            w = widths[-1][1]
            for _ in range(2 if t == "B" else 1):
                p.string() if w else p.number()
        elif t == "C":
            p.string()
        elif t == "D":
            names = [p.string() for _ in range(int(p.number()))]
            w = dict(widths)[names[0]]
            for _ in range(int(p.number())):
                p.string() if w else p.number()
                p.string()
        elif t == "E":
            for _ in range(int(p.number())):
                p.string()
        elif t == "F":
            break
        else:
            raise ValueError("tag " + t)
    cols = {name: [] for name, w in widths}
    while True:
        while p.s[p.i] == " ":
            p.i += 1
        if p.s[p.i] == "Z":
            break
        for name, w in widths:
            if w:
                cols[name].append(None)
                p.string()
            else:
                v = p.number()
                cols[name].append(None if v is None else exact(v))
    # the first 200 cases are enough to pin the rounding; keeps the fixture small
    return {name: c[:200] for name, c in cols.items() if any(x is not None for x in c)}


def exact(v):
    try:
        return repr(float(v))
    except OverflowError:
        return "overflow"


out = {"program": "python3 " + sys.version.split()[0] + " fractions, tools/por/por_exact.py",
       "files": {f.split("/")[-1]: read(f) for f in sys.argv[2:]}}
json.dump(out, open(sys.argv[1], "w"), indent=1)
