/**
 * Google Forms response exports: {@link org.pluralstats.io.forms.GoogleFormsReader} reads one CSV per
 * form (one form per language or group) into one {@link org.pluralstats.data.SurveyData} with a group
 * attribute, aligning translated forms by position or through a
 * {@link org.pluralstats.io.forms.Codebook}, and accounting for every row.
 *
 * <p>Depends only on {@code org.pluralstats.data}. The rules the reader follows are in
 * {@code docs/google-forms.md}; the codebook format in {@code docs/codebook.md}.
 */
package org.pluralstats.io.forms;
