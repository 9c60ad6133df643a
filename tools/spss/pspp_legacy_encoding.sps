* A PSPP file written in windows-1252 (SET LOCALE), and a ZLIB-compressed file large enough
* (about 6 MB of bytecode data) to need several zlib blocks.
* Run by tools/make_spss_fixtures.sh from the output folder.

SET LOCALE='windows-1252'.
DATA LIST LIST /id (F3.0) city (A12) temp (F6.1).
BEGIN DATA
1 'Zürich' 12.5
2 'Kraków' -3.25
3 'Québec' ''
4 'Malmö' 7
5 'São Paulo' 24.75
END DATA.
VARIABLE LABELS city 'Stadt (Großstadt)' temp 'Température moyenne °C'.
VALUE LABELS id 1 'première' 2 'deuxième'.
MISSING VALUES temp (-99).
SAVE OUTFILE='pspp_windows1252.sav' /COMPRESSED.

SET LOCALE='UTF-8'.
INPUT PROGRAM.
LOOP #i = 1 TO 20000.
COMPUTE n = #i.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
STRING text (A255).
COMPUTE x = MOD(n, 50) * 1000 + 0.5.
COMPUTE text = CONCAT('row ', STRING(MOD(n, 50), F2.0), ' ', RPAD('', 200, 'z')).
SAVE OUTFILE='pspp_multiblock.zsav' /ZCOMPRESSED.
