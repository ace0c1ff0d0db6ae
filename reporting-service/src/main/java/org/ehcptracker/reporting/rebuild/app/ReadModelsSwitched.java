package org.ehcptracker.reporting.rebuild.app;

import java.util.List;

/**
 * A switch that happened: the tables now in {@code public} are the rebuild's; the live ones were moved to
 * {@code retired} and dropped. {@code heldMillis}: how long the live projections waited on the switch.
 */
public record ReadModelsSwitched(String schema, String retired, List<String> tables, long recordsReplayed,
                                 long heldMillis) {
}
