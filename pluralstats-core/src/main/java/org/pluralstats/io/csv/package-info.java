/**
 * A fast byte-level reader for delimited text exports of survey data (WVS/EVS CSV files: comma- or
 * semicolon-separated, a header of variable names, numeric codes in cells).
 */
package org.pluralstats.io.csv;
