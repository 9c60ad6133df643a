* Generates the PSPP-written SPSS test fixtures for org.pluralstats.io.spss.
* Run by tools/make_spss_fixtures.sh from the output folder; UTF-8 text.

SET LOCALE='UTF-8'.

INPUT PROGRAM.
LOOP #i = 1 TO 120.
COMPUTE id = #i.
END CASE.
END LOOP.
END FILE.
END INPUT PROGRAM.

NUMERIC satisfaction_with_life (F4.0) /score (F8.2) /age (F3.0) /income (F10.2) /hi_open (F6.1) /plain (F8.3).
STRING country (A6) /comment_long (A40) /essay_very_long (A300) /essay_600 (A600).

COMPUTE satisfaction_with_life = MOD(id * 7, 11) - 1.
COMPUTE score = (MOD(id * 13, 97) - 10) / 4.
COMPUTE age = 15 + MOD(id * 17, 90).
COMPUTE income = (MOD(id * 31, 200) - 20) * 125.5.
COMPUTE hi_open = MOD(id * 3, 150) + 0.5.
COMPUTE plain = id / 7.
IF (MOD(id, 10) = 0) plain = $SYSMIS.
IF (MOD(id, 23) = 0) score = $SYSMIS.
RECODE satisfaction_with_life (-1 = -9).
IF (MOD(id, 19) = 0) satisfaction_with_life = -8.

DO IF (MOD(id, 4) = 0).
COMPUTE country = 'EG'.
ELSE IF (MOD(id, 4) = 1).
COMPUTE country = 'CN'.
ELSE IF (MOD(id, 4) = 2).
COMPUTE country = 'DE'.
ELSE.
COMPUTE country = 'NA'.
END IF.

COMPUTE comment_long = CONCAT('Kommentar Nr. ', STRING(id, F4.0), ' – naïve café').
IF (MOD(id, 9) = 0) comment_long = 'refused'.
IF (MOD(id, 11) = 0) comment_long = ''.
COMPUTE essay_very_long = CONCAT('essay ', STRING(id, F4.0), ': ', 'نص عربي طويل ', '中文的长文本 ',
  'The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog. ',
  'Pack my box with five dozen liquor jugs. Pack my box with five dozen liquor jugs. ',
  'Sphinx of black quartz, judge my vow. END').
COMPUTE essay_600 = CONCAT(RPAD(CONCAT('A', STRING(id, F3.0)), 250, '-'), '|', RPAD('B', 250, '='), '|', 'tail ', STRING(id * 2, F5.0)).
IF (MOD(id, 8) = 0) essay_600 = ''.
EXECUTE.

VARIABLE LABELS
  id 'Respondent identifier'
  satisfaction_with_life 'Satisfaction with your life (0-10) / الرضا عن الحياة'
  score 'Test score 测试分数'
  age 'Age in years'
  income 'Household income, euro'
  hi_open 'Open-ended upper range'
  country 'Country code'
  comment_long 'A 40-byte string comment'
  essay_very_long 'A 300-byte very long string'
  essay_600 'A 600-byte very long string'.

VALUE LABELS
  satisfaction_with_life 0 'Dissatisfied / غير راض' 10 'Satisfied / 满意' -9 'Don''t know' -8 'No answer'
  /age 99 'Ninety-nine or older'
  /income 999 'Refused'
  /country 'EG' 'Egypt / مصر' 'CN' 'China / 中国' 'DE' 'Deutschland' 'NA' 'Not available'
  /comment_long 'refused' 'Refused to comment'.

MISSING VALUES satisfaction_with_life (-9, -8, -7)
  /age (90 THRU 99)
  /income (LO THRU 0, 999)
  /hi_open (140 THRU HI)
  /country ('NA')
  /comment_long ('refused').

SAVE OUTFILE='pspp_uncompressed.sav' /UNCOMPRESSED.
SAVE OUTFILE='pspp_compressed.sav' /COMPRESSED.
SAVE OUTFILE='pspp_zcompressed.zsav' /ZCOMPRESSED.
