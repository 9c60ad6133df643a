/**
 * SPSS system files ({@code .sav}, {@code .zsav}): {@link org.pluralstats.io.spss.SpssReader} streams
 * their cases through the {@link org.pluralstats.io.CaseReader} interface. Written from the PSPP
 * Developers Guide, appendix "System File Format"; checked against files written by PSPP, SPSS,
 * ReadStat and R haven (see the test resources' README).
 */
package org.pluralstats.io.spss;
