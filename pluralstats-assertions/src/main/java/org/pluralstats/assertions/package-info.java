/**
 * The analysis-test kit: AssertJ assertions for pluralstats results, to pin a study's published
 * numbers in JUnit tests. Start from {@link org.pluralstats.assertions.PluralstatsAssertions}:
 *
 * <pre>{@code
 * import static org.pluralstats.assertions.PluralstatsAssertions.*;
 *
 * assertThat(scores).population("DNK").item("Q164").hasVps(0.506, within(1e-3)).hasN(56);
 * assertThat(table).group("Farsi").item("Q4").hasShare("Model B", 0.727, within(1e-3));
 * }</pre>
 *
 * AssertJ is an optional dependency of pluralstats: add {@code org.assertj:assertj-core} to your
 * test dependencies to use this package.
 */
package org.pluralstats.assertions;
