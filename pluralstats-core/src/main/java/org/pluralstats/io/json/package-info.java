/**
 * Internal: not API, may change. The strict JSON reading shared by the readers of {@code org.pluralstats.io}
 * and its subpackages (one reader configuration, one place that turns Jackson's errors into located
 * {@link org.pluralstats.SurveyFormatException}s). Left out of the published javadoc.
 */
package org.pluralstats.io.json;
