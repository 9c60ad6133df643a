DATA LIST LIST /x (F8.2) s (A5).
BEGIN DATA
1.5 abc
-1 de
END DATA.
VALUE LABELS x 1.5 'one and a half'.
EXPORT OUTFILE='/tmp/por/small.por'.
