package org.ehcptracker.reporting.rebuild.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * A rebuild's name: schema {@code rebuild_<n>}, Kafka groups {@code reporting-rebuild-<n>-<channel>}, and the
 * schema the live tables are retired to, {@code retired_<n>} (docs/reporting.md, "Rebuilding the read models").
 * Only this shape is accepted, so a name from a request can be put into SQL as an identifier.
 */
public record RebuildSchema(int number) {

    private static final Pattern NAME = Pattern.compile("rebuild_([1-9][0-9]{0,5})");

    public static RebuildSchema parse(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw CommandRejected.invalid("schema", "schema must be rebuild_<n>, n a number from 1 to 999999");
        }
        return new RebuildSchema(Integer.parseInt(m.group(1)));
    }

    public String name() {
        return "rebuild_" + number;
    }

    public String retired() {
        return "retired_" + number;
    }

    /** The Kafka consumer group of the rebuild process's consumer of {@code channel}. */
    public String consumerGroup(String channel) {
        return "reporting-rebuild-" + number + "-" + channel;
    }
}
