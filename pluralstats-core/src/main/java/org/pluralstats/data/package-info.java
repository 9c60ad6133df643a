/**
 * Immutable typed survey records: items and their scales, responses as a sealed family, respondents,
 * populations, and the columnar {@link org.pluralstats.data.SurveyData} that every reader produces.
 *
 * <p>This package depends on nothing else in the project.
 */
package org.pluralstats.data;
