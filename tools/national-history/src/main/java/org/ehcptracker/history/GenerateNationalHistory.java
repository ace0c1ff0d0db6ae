package org.ehcptracker.history;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.history.PublishedFigures.CouncilYear;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command an operator or a benchmark runs: writes the national history to Kafka, or only generates it
 * (--dry-run), and with --check compares every council-year with DfE's published figures.
 */
@Command(name = "national-history", mixinStandardHelpOptions = true,
        description = "Writes a deterministic EHCP event history for every council, calibrated to DfE's published figures (2019-2024).")
public final class GenerateNationalHistory implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka to write to (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--seed", defaultValue = "2025", description = "Random seed; the same seed gives the same events (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--councils", split = ",", description = "LA codes to generate (old_la_code, e.g. 839,857); default every council.")
    List<String> councils = List.of();

    @Option(names = "--dry-run", description = "Generate and serialize, but write nothing to Kafka.")
    boolean dryRun;

    @Option(names = "--check", description = "Compare each council-year's plans issued and within 20 weeks (incl. and excl. exceptions) with DfE's table.")
    boolean check;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateNationalHistory()).execute(args));
    }

    @Override
    public Integer call() {
        List<CouncilYear> published = PublishedFigures.load();
        NationalHistory history = new NationalHistory(published, seed);
        Set<String> selected = new LinkedHashSet<>(councils);
        HistoryOracle oracle = new HistoryOracle();
        EventJson json = new EventJson();
        long started = System.nanoTime();
        long events;
        if (dryRun) {
            events = history.generate(selected, event -> {
                json.write(event);
                oracle.accept(event);
            });
        } else {
            try (KafkaHistoryWriter writer = new KafkaHistoryWriter(bootstrapServers)) {
                Consumer<IntegrationEvent> both = writer.andThen(oracle);
                events = history.generate(selected, both);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%,d events for %d councils in %.1f s: %,.0f events/s%s%n", events,
                selected.isEmpty() ? history.councils().size() : selected.size(), seconds, events / seconds,
                dryRun ? " (dry run: generated and serialized, not written)" : " written to " + bootstrapServers);
        if (!check) {
            return 0;
        }
        int mismatches = 0;
        int compared = 0;
        Map<String, HistoryOracle.Figures> computed = oracle.figures();
        for (CouncilYear year : published) {
            if (!selected.isEmpty() && !selected.contains(year.laCode())) {
                continue;
            }
            compared++;
            HistoryOracle.Figures expected = new HistoryOracle.Figures(year.plansIssued(), year.within20Weeks(),
                    year.plansIssuedExcludingExceptions(), year.within20WeeksExcludingExceptions());
            HistoryOracle.Figures actual = computed.getOrDefault(year.laCode() + "/" + year.year(), new HistoryOracle.Figures(0, 0, 0, 0));
            if (!expected.equals(actual)) {
                mismatches++;
                System.out.printf("MISMATCH %s %d: published %s, from events %s%n", year.laCode(), year.year(), expected, actual);
            }
        }
        System.out.printf("checked %d council-years against DfE's table: %d mismatches%n", compared, mismatches);
        return mismatches == 0 ? 0 : 1;
    }
}
