package org.pluralstats.data;

import java.util.ArrayList;
import java.util.List;

/** The readable heads that {@link SurveyData#toString()} and the columns' {@code toString()} print. */
final class DataText {
    static final int HEAD_ROWS = 5;
    static final int HEAD_COLUMNS = 8;
    private static final int CELL_WIDTH = 18;

    private DataText() {
    }

    /** @return e.g. {@code NumericColumn Q164 (scale 1-4, "Importance of God"): 380 rows, 12 missing} */
    static String describe(Column c) {
        Item item = c.item();
        StringBuilder sb = new StringBuilder(c.getClass().getSimpleName()).append(' ').append(clean(item.id()))
                .append(" (").append(item.kind().jsonName());
        item.scale().ifPresent(s -> sb.append(' ').append(SurveyData.formatNumber(s.min())).append('-')
                .append(SurveyData.formatNumber(s.max())));
        if (!item.options().isEmpty()) {
            sb.append(", ").append(item.options().size()).append(" options");
        }
        if (!item.label().isEmpty()) {
            sb.append(", \"").append(cut(clean(item.label()), 60)).append('"');
        }
        sb.append("): ").append(c.size()).append(c.size() == 1 ? " row, " : " rows, ").append(c.missingCount())
                .append(" missing");
        List<String> head = new ArrayList<>();
        for (int row = 0; row < Math.min(HEAD_ROWS, c.size()); row++) {
            head.add(cell(c, row));
        }
        if (!head.isEmpty()) {
            sb.append("; first: ").append(String.join(", ", head)).append(c.size() > HEAD_ROWS ? ", ..." : "");
        }
        return sb.toString();
    }

    /** @return a few rows of a few columns of the data as an aligned text table */
    static String head(SurveyData data) {
        StringBuilder sb = new StringBuilder("SurveyData ").append(clean(data.source())).append(": ")
                .append(data.rows()).append(data.rows() == 1 ? " row x " : " rows x ").append(data.columns().size())
                .append(" columns (").append(data.attributeNames().size()).append(" attributes, ")
                .append(data.items().size()).append(" items), ").append(data.hasWeights() ? "weighted" : "unweighted");
        Accounting a = data.accounting();
        if (!a.excluded().isEmpty()) {
            sb.append(", ").append(a.inputRows()).append(" rows read, ").append(a.kept()).append(" kept, excluded ")
                    .append(a.excluded());
        }
        if (!data.warnings().isEmpty()) {
            sb.append(", ").append(data.warnings().size()).append(data.warnings().size() == 1 ? " warning" : " warnings");
        }
        sb.append('\n');
        List<Column> shown = data.columns().subList(0, Math.min(HEAD_COLUMNS, data.columns().size()));
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("row");
        if (data.hasWeights()) {
            header.add("weight");
        }
        shown.forEach(c -> header.add(cut(clean(c.item().id()), CELL_WIDTH)));
        cells.add(header);
        for (int row = 0; row < Math.min(HEAD_ROWS, data.rows()); row++) {
            List<String> line = new ArrayList<>();
            line.add(cut(clean(data.id(row)), CELL_WIDTH));
            if (data.hasWeights()) {
                line.add(SurveyData.formatNumber(data.weight(row)));
            }
            for (Column c : shown) {
                line.add(cell(c, row));
            }
            cells.add(line);
        }
        int[] width = new int[header.size()];
        for (List<String> line : cells) {
            for (int j = 0; j < line.size(); j++) {
                width[j] = Math.max(width[j], line.get(j).length());
            }
        }
        for (List<String> line : cells) {
            sb.append(' ');
            for (int j = 0; j < line.size(); j++) {
                sb.append(' ').append(line.get(j)).append(" ".repeat(width[j] - line.get(j).length()));
            }
            sb.setLength(sb.length() - trailingBlanks(sb));
            sb.append('\n');
        }
        if (data.rows() > HEAD_ROWS || data.columns().size() > HEAD_COLUMNS) {
            sb.append("  ... (").append(Math.max(0, data.rows() - HEAD_ROWS)).append(" more rows, ")
                    .append(Math.max(0, data.columns().size() - HEAD_COLUMNS)).append(" more columns)\n");
        }
        return sb.toString();
    }

    private static int trailingBlanks(StringBuilder sb) {
        int n = 0;
        while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }

    private static String cell(Column c, int row) {
        return SurveyData.attributeValue(c, row).map(s -> cut(clean(s), CELL_WIDTH))
                .orElseGet(() -> c.missingReason(row).map(r -> "<" + r.name().toLowerCase(java.util.Locale.ROOT) + ">")
                        .orElse("<missing>"));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** Control characters from file contents never reach the terminal raw. */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
                sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
