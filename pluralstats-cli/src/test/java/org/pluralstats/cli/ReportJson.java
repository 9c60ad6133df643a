package org.pluralstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's {@code tables/ID.json} is the generic writer's JSON with a last member {@code "provenance"}. */
final class ReportJson {
    private static final String MEMBER = ",\n  \"provenance\" : {";

    private ReportJson() {
    }

    /**
     * @param json a report table's JSON
     * @return it without its {@code provenance} member, as the CLI's {@code --format json} writes the table
     */
    static String withoutProvenance(String json) {
        int i = json.lastIndexOf(MEMBER);
        assertThat(i).as("a provenance member in %s", json.length() > 200 ? json.substring(0, 200) : json).isPositive();
        assertThat(json).endsWith("}\n}\n");
        return json.substring(0, i) + "\n}\n";
    }
}
