package org.ehcptracker.assessment.sen2;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;
import org.ehcptracker.assessment.persistence.ChildPersonalDetailsEntity;
import org.ehcptracker.assessment.persistence.PersonalDataRead;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * A council's SEN2 return file (docs/sen2.md): reporting-service's pseudonymous modules for the census date, read with
 * the caller's own token, joined with the person details this service holds, written as the guide's XML. Every child
 * in the file is recorded as a read of their personal data (field {@value #AUDIT_FIELD} and the fields shown), in one
 * transaction with the reads of the details, so no file leaves unrecorded.
 */
@ApplicationScoped
public class Sen2ReturnExports {

    /** The first "field" of the audit row of a child read into a return file. */
    public static final String AUDIT_FIELD = "sen2Return";

    private static final Logger LOG = Logger.getLogger(Sen2ReturnExports.class);

    private final ReportingSen2Api reporting;
    private final Clock clock;

    public Sen2ReturnExports(@RestClient ReportingSen2Api reporting, Clock clock) {
        this.reporting = reporting;
        this.clock = clock;
    }

    /** The file and its name. */
    public record ReturnFile(String fileName, String xml, int children, int requests) {
    }

    /**
     * @param authorization the caller's own {@code Authorization} header, passed on to reporting-service
     * @throws CommandRejected (400) la not three digits; censusDate missing, not a date, not a census date or in the
     *                         future (reporting-service's refusal, passed on)
     * @throws AccessDenied    (403) a council the caller does not act for
     */
    public Uni<ReturnFile> of(Actor actor, String la, String censusDate, String authorization) {
        if (la == null || !la.matches("\\d{3}")) {
            throw CommandRejected.invalid("la", "'" + la + "' is not a DfE local authority code (three digits, e.g. 839)");
        }
        actor.requireCouncil(la);
        if (censusDate == null || censusDate.isBlank()) {
            throw CommandRejected.invalid("censusDate", "censusDate is required, as yyyy-mm-dd (the third Thursday of January)");
        }
        // a date at least, before it goes into reporting-service's address; reporting checks it is a census date
        try {
            LocalDate.parse(censusDate);
        } catch (java.time.format.DateTimeParseException e) {
            throw CommandRejected.invalid("censusDate", "censusDate is not a date as yyyy-mm-dd");
        }
        Instant now = clock.instant();
        return reporting.sen2(la, censusDate, authorization)
                .onFailure(WebApplicationException.class).transform(Sen2ReturnExports::refusal)
                .onFailure(e -> !(e instanceof CommandRejected || e instanceof AccessDenied))
                .transform(e -> new ServiceUnavailableException("reporting-service did not answer: " + e.getMessage()))
                .chain(modules -> joined(modules, actor, now))
                .invoke(file -> LOG.infof("SEN2 return of %s for %s (%d children) read by %s", la, censusDate,
                        file.children(), actor));
    }

    private Uni<ReturnFile> joined(JsonNode modules, Actor actor, Instant now) {
        List<UUID> caseIds = new ArrayList<>();
        modules.path("cases").forEach(c -> caseIds.add(UUID.fromString(c.path("caseId").asText())));
        String la = modules.path("localAuthorityCode").asText();
        LocalDate census = LocalDate.parse(modules.path("censusDate").asText());
        return Transactions.inTransaction(session -> ChildPersonalDetailsEntity.of(caseIds)
                .chain(rows -> {
                    Map<UUID, ChildPersonalDetails> held = new HashMap<>();
                    rows.forEach(row -> held.put(row.caseId, row.details()));
                    // one audit row per case in the file, in the file's order, before the file is answered
                    return Multi.createFrom().iterable(caseIds)
                            .onItem().transformToUniAndConcatenate(id -> PersonalDataRead.record(id, actor, now,
                                    fields(held.getOrDefault(id, ChildPersonalDetails.NONE))))
                            .collect().last()
                            .replaceWith(held);
                }))
                .map(held -> new ReturnFile(Sen2ReturnFile.fileName(la, census), Sen2ReturnFile.write(modules, held, now),
                        Sen2ReturnFile.persons(modules, held).size(), caseIds.size()));
    }

    /** The audit row's fields: {@value #AUDIT_FIELD}, then the personal-data fields the file shows of the case. */
    static List<String> fields(ChildPersonalDetails d) {
        List<String> fields = new ArrayList<>();
        fields.add(AUDIT_FIELD);
        if (d.childName() != null) {
            fields.add("childName");
        }
        if (d.dateOfBirth() != null) {
            fields.add("childDateOfBirth");
        }
        fields.addAll(d.sen2().fieldsHeld());
        return fields;
    }

    /**
     * reporting-service's refusal as this service's: 401/403 are the caller's; any other 4xx is about the request,
     * whose only free part is the census date (its 400 names the field at fault).
     */
    private static RuntimeException refusal(Throwable failure) {
        WebApplicationException e = (WebApplicationException) failure;
        int status = e.getResponse().getStatus();
        if (status == 401 || status == 403) {
            return new AccessDenied("reporting-service refused the caller's token (" + status + ")");
        }
        if (status >= 400 && status < 500) {
            String field = "censusDate";
            String detail = "censusDate is not a SEN2 census date";
            try {
                JsonNode problem = e.getResponse().readEntity(JsonNode.class);
                field = problem.path("field").asText(field);
                detail = problem.path("detail").asText(detail);
            } catch (RuntimeException unreadable) {
                // the status alone says enough
            }
            return CommandRejected.invalid(field, detail);
        }
        return new ServiceUnavailableException("reporting-service answered " + status);
    }
}
