package org.ehcptracker.reporting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.reporting.domain.BoardReport;

/**
 * The same figures as the JSON, one figure a line: {@code localAuthorityCode,from,to,knownOn,measure,value},
 * where {@code measure} is the figure's path in the JSON with list items named by their month, date or key
 * (e.g. {@code months[2025-05].plans.excludingExceptions.percentWithin20Weeks}). A long table, so a spreadsheet's
 * filter or pivot gives any view, and a new figure never moves a column.
 */
public final class BoardCsv {

    static final String HEADER = "localAuthorityCode,from,to,knownOn,measure,value";

    /** Fields that name a list item; they become its label instead of figures of their own. */
    private static final List<String> LABELS = List.of("month", "asOf", "key", "stage", "kind");

    private static final ObjectMapper JSON = EventJson.newObjectMapper();

    private BoardCsv() {
    }

    public static String of(BoardReport report) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        String prefix = cell(report.localAuthorityCode()) + "," + report.from() + "," + report.to() + ","
                + (report.knownOn() == null ? "" : report.knownOn().toString()) + ",";
        // through text, not valueToTree: that keeps BigDecimals as DecimalNodes, which print 50.0 as 5E+1
        JsonNode tree;
        try {
            tree = JSON.readTree(JSON.writeValueAsString(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the board report did not serialise", e);
        }
        for (String skipped : List.of("localAuthorityCode", "from", "to", "knownOn")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(skipped);
        }
        flatten("", tree, (path, value) -> out.append(prefix).append(cell(path)).append(',').append(value)
                .append("\r\n"));
        return out.toString();
    }

    private interface Line {
        void add(String path, String value);
    }

    private static void flatten(String path, JsonNode node, Line line) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), line);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String label = label(item, i);
                JsonNode rest = item.isObject() ? item.deepCopy() : item;
                if (rest.isObject()) {
                    LABELS.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) rest)::remove);
                }
                flatten(path + "[" + label + "]", rest, line);
            }
        } else {
            line.add(path, node.isNull() ? "" : node.isTextual() ? cell(node.asText()) : node.asText());
        }
    }

    private static String label(JsonNode item, int index) {
        if (!item.isObject()) {
            return String.valueOf(index);
        }
        StringBuilder label = new StringBuilder();
        for (String name : LABELS) {
            if (item.hasNonNull(name)) {
                label.append(label.length() == 0 ? "" : "/").append(item.get(name).asText());
            }
        }
        return label.length() == 0 ? String.valueOf(index) : label.toString();
    }

    /**
     * A text cell: quoted when it holds a comma, quote or line break, and kept from being read as a formula by a
     * spreadsheet (a leading =, +, -, @ gets a leading apostrophe): agency ids come from other systems.
     */
    static String cell(String text) {
        String t = text;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            t = "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
