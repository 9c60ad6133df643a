* The base file of the mutation fixtures (wrong case counts, a float-info record with another SYSMIS,
* a UTF-8 file with a Latin-1 field, appended data, a removed variable record) and of the mutation
* fuzzer: 240 cases with real zeros beside system-missing values, short and long strings. No long
* string missing values here: R haven cannot read PSPP's record 7.22 (see pspp_strings.sps).
* Run by tools/make_spss_fixtures.sh from the output folder.
SET LOCALE='UTF-8'.
INPUT PROGRAM.
LOOP #i = 1 TO 240.
COMPUTE id = #i.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.
NUMERIC zero_or_value (F8.2) /small (F3.0).
STRING city (A6) /answer (A20).
COMPUTE zero_or_value = MOD(id, 3) * 1.5.
IF (MOD(id, 7) = 0) zero_or_value = $SYSMIS.
COMPUTE small = MOD(id, 5) - 1.
DO IF (id = 57).
COMPUTE city = 'Café'.
ELSE IF (MOD(id, 2) = 0).
COMPUTE city = 'Vilnus'.
ELSE.
COMPUTE city = 'Riga'.
END IF.
COMPUTE answer = 'an answer'.
IF (MOD(id, 10) = 0) answer = 'refused'.
IF (MOD(id, 15) = 0) answer = 'dont know'.
MISSING VALUES small (-1).
VALUE LABELS small -1 'Missing' 0 'None' /city 'Riga' 'Capital of Latvia' /answer 'refused' 'Refused'.
VARIABLE LABELS zero_or_value 'Zero, 1.5 or 3; every seventh system-missing'.
EXECUTE.
SAVE OUTFILE='pspp_240_compressed.sav' /COMPRESSED.
SAVE OUTFILE='pspp_240_uncompressed.sav' /UNCOMPRESSED.
SAVE OUTFILE='pspp_240.zsav' /ZCOMPRESSED.
