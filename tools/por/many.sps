* Portable-file fixture for pluralstats: 1500 cases that wrap over many 80-column lines.
INPUT PROGRAM.
LOOP #i = 1 TO 1500.
COMPUTE id = #i.
COMPUTE x = MOD(#i * 7919, 1000) / 7 - 50.
COMPUTE y = #i * 1000 + 0.25.
COMPUTE q = MOD(#i, 5) + 1.
DO IF MOD(#i, 11) = 0.
COMPUTE x = $SYSMIS.
END IF.
STRING t (A6).
COMPUTE t = CONCAT('c', STRING(MOD(#i, 97), F2.0)).
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
FORMATS id (F6.0) x (F12.6) y (F12.2) q (F1.0).
VALUE LABELS q 1 'one' 2 'two' 3 'three' 4 'four' 5 'five'.
EXPORT OUTFILE='many.por'.
