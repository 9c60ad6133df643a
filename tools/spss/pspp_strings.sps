* Strings at the edges of the format, for tools/spss/edge_fixtures.py: a long string with two missing
* values (record 7.22: PSPP 1.6.2 writes a length before each value, which R haven 2.5.1 cannot read),
* very long strings of 600 and 300 bytes (3 and 2 segments; the mutations lie about their widths).
* Run by tools/make_spss_fixtures.sh from the output folder.
SET LOCALE='UTF-8'.
DATA LIST LIST /id (F4.0) code (A4) answer (A20).
BEGIN DATA
1 LT00 'abcdefghijklmnopqrs'
2 LT01 'refused by respondent'
3 XX 'x'
4 LT00 refused
END DATA.
STRING essay_600 (A600) /essay_300 (A300).
COMPUTE essay_600 = CONCAT(RPAD(CONCAT('A', STRING(id, F1.0)), 250, '-'), '|', RPAD('B', 250, '='), '|tail').
COMPUTE essay_300 = CONCAT(RPAD('C', 260, '+'), '|end', STRING(id, F1.0)).
MISSING VALUES answer ('refused', 'abcdefgh').
VALUE LABELS code 'LT00' 'LT zero' /answer 'refused' 'Refused'.
SAVE OUTFILE='pspp_strings.sav' /COMPRESSED.
