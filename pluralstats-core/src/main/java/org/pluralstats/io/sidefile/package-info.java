/**
 * Readers of the side files that steer an analysis — items files, margins, population mappings, score
 * tables, population scores, country–language tables, answer distributions — into the plain values the
 * estimators take. Every error names the file and the line, column or entry.
 */
package org.pluralstats.io.sidefile;
