"""Writes latin1_in_utf8_118.dta: a Stata 118 file (UTF-8 by definition) written by pandas whose
str# value "Cafe" is patched to "Caf\xe9" (a Latin-1 e-acute), as a file edited by a Latin-1 tool would
hold. pandas (this script, 1.5.3) reads such a value with U+FFFD or fails; pluralstats decodes it as
windows-1252 and warns. Run: /usr/bin/python3 tools/stata_latin1_in_utf8.py OUT_DIR"""
import sys, pandas as pd, pathlib
out = pathlib.Path(sys.argv[1]) / "latin1_in_utf8_118.dta"
pd.DataFrame({"place": ["Cafe", "Tea room", "Cafe"], "n": [1, 2, 3]}).to_stata(out, version=118, write_index=False)
b = out.read_bytes()
assert b.count(b"Cafe") == 2
out.write_bytes(b.replace(b"Cafe", b"Caf\xe9"))
print(out, pd.__version__)
