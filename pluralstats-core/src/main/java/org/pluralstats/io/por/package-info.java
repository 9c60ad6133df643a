/**
 * SPSS portable files ({@code .por}): {@link org.pluralstats.io.por.PortableReader} streams their cases
 * through the {@link org.pluralstats.io.CaseReader} interface. Written from the PSPP Developers Guide,
 * appendix "Portable File Format"; checked against files written by PSPP and read by R foreign and PSPP
 * (see {@code tools/make_por_fixtures.sh}).
 */
package org.pluralstats.io.por;
