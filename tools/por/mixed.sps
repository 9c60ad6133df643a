* Portable-file fixture for pluralstats: every dictionary record and tricky numbers.
SET LOCALE='UTF-8'.
DATA LIST LIST /id (F4.0) num (F16.8) neg (F8.3) code (F2.0) lo (F3.0) hi (F3.0) rng (F3.0) wt (F4.1) s (A20) lng (A255).
BEGIN DATA
1 156600 -0.125 1 -1 1 1 1.0 "Hello, World!" "a long string value"
2 1.651397e-05 -1.5 2 -2 90 90 2.5 "lower case; (punct)" "x"
3 -1 -0.001 8 0 91 95 0.5 "n/a" "y"
4 1e20 -123456.789 9 5 5 0 1.0 "Don't / (quote)" "z"
5 1e-300 -2.5e-10 . . . . 1.0 "" ""
6 1.7976931348623157e308 -0 3 1 1 99 1.0 "A=B+C*D" "trailing  "
7 3.14159265358979 12345678.5 -1 2 2 2 1.0 "tab	in" "q"
8 0 0.1 5 3 3 3 1.0 "zz" "last"
END DATA.
VARIABLE LABELS num 'Numbers that must be exact' /s 'A string, with punctuation: ;/()'.
VARIABLE LABELS code 'A coded answer'.
VALUE LABELS code 1 'Strongly agree' 2 'Agree' 3 'Neither' 5 'Disagree' 8 "Don't know" 9 'No answer' -1 'Not asked'
  /s 'n/a' 'not applicable' 'zz' 'sleeping'.
MISSING VALUES code (8, 9, -1) /lo (LO THRU -1) /hi (90 THRU HI) /rng (90 THRU 99, 0) /s ('n/a').


EXPORT OUTFILE='mixed.por'.
