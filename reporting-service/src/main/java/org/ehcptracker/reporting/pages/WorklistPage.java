package org.ehcptracker.reporting.pages;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.ehcptracker.reporting.app.CaseTimelines;

/**
 * A council's caseworker worklist: each case's next statutory step, its due date and how many days are left or
 * late, soonest first, filtered as assessment-service's worklist API allows (docs/front-end.md, "Caseworker pages").
 */
@RolesAllowed(Role.CASEWORKER)
@Path("/councils/{la}/worklist")
public class WorklistPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(String la, Filters filters, List<WorkRow> rows, long total,
                                                String today, String error, boolean demo);
    }

    /** The worklist's filters as the user chose them. */
    public record Filters(String caseworker, String status, String dueWithinDays, String overdue) {
    }

    /** One worklist line. */
    public record WorkRow(String caseId, String childRef, String status, String nextStep, String due, String timing,
                          boolean late, boolean excused, String caseworker, List<String> heldUpBy) {

        WorkRow heldUpBy(List<String> holdUps) {
            return new WorkRow(caseId, childRef, status, nextStep, due, timing, late, excused, caseworker, holdUps);
        }
    }

    private static final Pattern LA = Pattern.compile("\\d{3}");

    private final AssessmentApi assessment;
    private final CaseTimelines timelines;
    private final DemoCouncils demoCouncils;

    public WorklistPage(@RestClient AssessmentApi assessment, CaseTimelines timelines, DemoCouncils demoCouncils) {
        this.assessment = assessment;
        this.timelines = timelines;
        this.demoCouncils = demoCouncils;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> worklist(@PathParam("la") String la, @QueryParam("caseworker") String caseworker,
                                  @QueryParam("status") String status, @QueryParam("dueWithinDays") String within,
                                  @QueryParam("overdue") String overdue) {
        if (!LA.matcher(la).matches()) {
            return Uni.createFrom().item(Pages.notFound());
        }
        Filters filters = new Filters(CasePages.blank(caseworker), CasePages.blank(status), CasePages.blank(within), CasePages.blank(overdue));
        return assessment.worklist(la, filters.caseworker(), filters.status(), filters.dueWithinDays(),
                        filters.overdue(), 200)
                .chain(page -> {
                    List<WorkRow> rows = new ArrayList<>();
                    page.path("cases").forEach(c -> rows.add(workRow(c)));
                    // "held up by" from this service's own events of the listed cases, on the council's today
                    LocalDate today = page.hasNonNull("today") ? LocalDate.parse(page.get("today").asText())
                            : LocalDate.now();
                    return timelines.holdUps(rows.stream().map(r -> UUID.fromString(r.caseId())).toList(), today)
                            .map(holdUps -> AgencyInboxPage.html(200, Templates.worklist(la, filters,
                                    rows.stream().map(r -> r.heldUpBy(HeldUpBy.words(holdUps.getOrDefault(
                                            UUID.fromString(r.caseId()), List.of())))).toList(),
                                    page.path("total").asLong(), CasePages.day(today.toString()), null, demoCouncils.marks(la))));
                })
                .onFailure(ApiProblem.class).recoverWithItem(e -> AgencyInboxPage.html(((ApiProblem) e).status(),
                        Templates.worklist(la, filters, List.of(), 0, null, e.getMessage(), demoCouncils.marks(la))))
                .onFailure().recoverWithItem(e -> AgencyInboxPage.html(502, Templates.worklist(la, filters, List.of(),
                        0, null, "The assessment service is not answering. Try again in a few minutes.",
                        demoCouncils.marks(la))));
    }

    static WorkRow workRow(JsonNode c) {
        JsonNode left = c.path("daysLeft");
        String timing = "";
        boolean late = false;
        if (left.isNumber()) {
            long n = left.asLong();
            late = n < 0;
            timing = n == 0 ? "Due today" : n > 0 ? n + (n == 1 ? " day left" : " days left")
                    : -n + (n == -1 ? " day late" : " days late");
        }
        return new WorkRow(c.path("caseId").asText(), c.path("childRef").asText(), CasePages.words(c.path("status").asText()),
                CasePages.step(c.path("nextStep").asText(null)), CasePages.day(c.path("dueDate").asText(null)), timing, late,
                c.path("exceptionApplies").asBoolean(), c.path("assignedCaseworker").asText(""), List.of());
    }

}
