* The widest strings SPSS allows: A32767 (131 segments, the last ones holding no data) and A1000,
* mostly blanks so that bytecode compression keeps the file small.
* Run by tools/make_spss_fixtures.sh from the output folder.
SET LOCALE='UTF-8'.
INPUT PROGRAM.
LOOP #i = 1 TO 3.
COMPUTE n = #i.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
STRING widest (A32767) /wide (A1000).
COMPUTE widest = CONCAT('start-', STRING(n, F1.0), RPAD('', 32700, ' '), 'end').
COMPUTE wide = CONCAT(RPAD(CONCAT('w', STRING(n, F1.0)), 990, ' '), 'tail').
IF (n = 2) widest = 'short'.
VARIABLE LABELS widest 'A32767 string'.
SAVE OUTFILE='pspp_wide_strings.sav' /COMPRESSED.
