/**
 * Reading survey data files. Each binary or text format has a streaming {@link org.pluralstats.io.CaseReader}
 * that exposes the file's {@link org.pluralstats.io.FileDictionary} and its cases one at a time;
 * {@link org.pluralstats.io.SurveyFiles} opens any supported file by its content.
 */
package org.pluralstats.io;
