package org.ehcptracker.history;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * DfE's published figures per council and calendar year (2019-2024), from the two tables the generator is
 * calibrated to, kept in this module's resources (dfe-ehcp-2025/, Open Government Licence v3.0).
 *
 * <p>A council-year whose plan counts are suppressed ("x") is left out: there is nothing to calibrate to.
 */
public final class PublishedFigures {

    /** One council's published figures for one calendar year. */
    public record CouncilYear(String laCode, String laName, int year,
            int plansIssued, int plansIssuedExcludingExceptions,
            int within20Weeks, int within20WeeksExcludingExceptions,
            OptionalInt requestsReceived, OptionalInt requestsRefused, OptionalInt requestsWithdrawn,
            OptionalInt mediationRelated, OptionalInt tribunalRelated) {

        /** Plans with a 20-week exception (the difference between the two published denominators). */
        public int plansWithException() {
            return plansIssued - plansIssuedExcludingExceptions;
        }

        public int exceptionPlansWithin20Weeks() {
            return within20Weeks - within20WeeksExcludingExceptions;
        }
    }

    private static final String TIMELINESS = "/dfe-ehcp-2025/timeliness_20_week.csv";
    private static final String REQUESTS = "/dfe-ehcp-2025/requests.csv";

    private PublishedFigures() {
    }

    /** Every council-year with published plan counts, ordered by LA code then year. */
    public static List<CouncilYear> load() {
        Map<String, Map<String, String>> requests = new HashMap<>();
        for (Map<String, String> row : localAuthorityRows(REQUESTS)) {
            requests.put(row.get("old_la_code") + "/" + row.get("time_period"), row);
        }
        List<CouncilYear> years = new ArrayList<>();
        for (Map<String, String> row : localAuthorityRows(TIMELINESS)) {
            OptionalInt issued = number(row, "plans_issued_den");
            OptionalInt issuedEx = number(row, "plans_issued_den_ex");
            OptionalInt within = number(row, "plans_issued_within_20_weeks");
            OptionalInt withinEx = number(row, "plans_issued_20_weeks_ex");
            if (issued.isEmpty() || issuedEx.isEmpty() || within.isEmpty() || withinEx.isEmpty()) {
                continue;
            }
            Map<String, String> request = requests.getOrDefault(row.get("old_la_code") + "/" + row.get("time_period"), Map.of());
            years.add(new CouncilYear(row.get("old_la_code"), row.get("la_name"), Integer.parseInt(row.get("time_period")),
                    issued.getAsInt(), issuedEx.getAsInt(), within.getAsInt(), withinEx.getAsInt(),
                    number(request, "requests_received_in_year"), number(request, "requests_decided_not_to_assess"),
                    number(request, "requests_withdrawn"), number(request, "mediation_related_request"),
                    number(request, "tribunal_related_request")));
        }
        years.sort(Comparator.comparing(CouncilYear::laCode).thenComparingInt(CouncilYear::year));
        return List.copyOf(years);
    }

    private static List<Map<String, String>> localAuthorityRows(String resource) {
        CsvMapper csv = new CsvMapper();
        try (InputStream in = PublishedFigures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            List<Map<String, String>> result = new ArrayList<>();
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                if ("Local authority".equals(row.get("geographic_level"))) {
                    result.add(row);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A published count, empty when suppressed or not applicable ("x", "z", "c", blank). */
    private static OptionalInt number(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank() || !value.chars().allMatch(Character::isDigit)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(value));
    }
}
