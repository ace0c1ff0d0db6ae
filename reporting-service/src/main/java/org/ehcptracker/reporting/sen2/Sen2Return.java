package org.ehcptracker.reporting.sen2;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.contracts.plan.SenNeedsRecorded;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.domain.CaseProgress;

/**
 * The pseudonymous part of a council's SEN2 person-level return for one census date (docs/sen2.md): for each case
 * (one request for an EHC needs assessment) the guide's modules 2-5 as far as the events carry them, keyed by caseId,
 * with the guide's codes. No personal details: assessment-service joins module 1 (the person) by caseId.
 *
 * <p>Only events dated on or before the census date count (the return is as it stood that day). A case is in the
 * return when the council is responsible for it on the census date and, in the calendar year before it, its request
 * was received, still open on 1 January, decided or withdrawn, its assessment concluded, its plan issued or ceased;
 * or its plan is active on the census date. Any other case is outside the collection year.
 */
public record Sen2Return(String localAuthorityCode, LocalDate censusDate, int collectionYear, LocalDate periodStart,
                         LocalDate periodEnd, List<Sen2Case> cases) {

    /** SEN2 module 2 (Requests), with its children: the assessment (3, 4) and the active plan (5). */
    public record Sen2Case(UUID caseId, String childRef, Request request, Assessment assessment,
                           ActivePlan activePlan) {
    }

    /**
     * Module 2. {@code requestOutcome}: Y decided to assess, N decided not to assess, W withdrawn before a decision,
     * A awaiting the decision (its date null). {@code transferredFromLa}: the council a transfer in came from, or null.
     */
    public record Request(LocalDate receivedDate, String requestSource, String requestOutcome,
                          LocalDate requestOutcomeDate, boolean requestMediation, boolean requestTribunal,
                          String transferredFromLa) {
    }

    /**
     * Module 3, present once the council decided to assess. {@code assessmentOutcome}: Y a plan issued (the date is
     * the final plan's issue date), N decided not to issue one (the date the family was told), W withdrawn during the
     * assessment, A still open, a decision to issue included until the final plan is issued (its date null).
     * {@code week20}: an exception to the 20-week limit applies.
     */
    public record Assessment(String assessmentOutcome, LocalDate assessmentOutcomeDate, boolean assessmentMediation,
                             boolean assessmentTribunal, boolean otherMediation, boolean otherTribunal,
                             boolean week20, NamedPlan namedPlan) {
    }

    /** Module 4a with its 4b placement: the plan the assessment issued, and its cessation (reason code 1-9). */
    public record NamedPlan(UUID planId, LocalDate startDate, LocalDate ceaseDate, Integer ceaseReason,
                            Placement placement) {
    }

    /**
     * Module 5a with its 5b placement: the plan in force on the census date; its last annual review (meeting date,
     * decision date and outcome code) and {@code transferLa}, the council it was transferred in from in the year.
     */
    public record ActivePlan(UUID planId, String transferLa, LocalDate reviewMeeting, String reviewOutcome,
                             LocalDate lastReview, Placement placement, List<SenNeed> senNeeds) {

        public ActivePlan {
            senNeeds = senNeeds == null ? List.of() : List.copyOf(senNeeds);
        }
    }

    /**
     * Module 5c: a type of SEN need the active plan describes ({@code SenNeedsRecorded}, the recording that holds on
     * the census date), as its code (SenNeedType: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH) and
     * rank (1 the primary need).
     */
    public record SenNeed(String senType, int senTypeRank) {
    }

    /**
     * A placement (4b, 5b): a named setting by {@code urn} (6 digits) or {@code ukprn} (8 digits), or a SEN2 setting
     * type {@code senSetting} (OLA, OPA, EHE, EYP, OTH, NEET, NIEC, NIEO) when none is named; rank 1.
     */
    public record Placement(String urn, String ukprn, String senSetting, int placementRank) {
    }

    /** SEN2 setting types (the guide's SENsetting list) a plan may name instead of a setting. */
    public static final Set<String> SEN_SETTINGS = Set.of("OLA", "OPA", "EHE", "EYP", "OTH", "NEET", "NIEC", "NIEO");

    /** The return of council {@code la} for {@code census} from every case whose events it holds. */
    public static Sen2Return of(String la, CensusDate census, List<CaseFile> files) {
        Objects.requireNonNull(la, "la");
        List<Sen2Case> cases = files.stream()
                .map(f -> asOn(f, census.date()))
                .filter(f -> la.equals(f.responsibleOn(census.date())))
                .filter(f -> inCollection(f, census))
                .map(f -> sen2Case(f, census))
                .sorted(Comparator.comparing((Sen2Case c) -> c.request().receivedDate(),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(c -> c.caseId().toString()))
                .toList();
        return new Sen2Return(la, census.date(), census.collectionYear(), census.periodStart(), census.periodEnd(), cases);
    }

    /** The case as its events dated on or before {@code date} leave it. */
    static CaseFile asOn(CaseFile f, LocalDate date) {
        return CaseFile.of(f.caseId(), f.events().stream().filter(e -> !e.businessDate().isAfter(date)).toList());
    }

    static boolean inCollection(CaseFile f, CensusDate census) {
        CaseProgress p = f.progress();
        if (p.receivedDate() == null) {
            return false; // a case whose request was never seen is not a request
        }
        LocalDate start = census.periodStart();
        boolean openOnStart = p.receivedDate().isBefore(start) && f.openOn(start.minusDays(1));
        return census.inPeriod(p.receivedDate()) || openOnStart
                || census.inPeriod(p.decisionDate()) || census.inPeriod(p.withdrawnDate())
                || census.inPeriod(p.assessmentOutcomeDate())
                || f.plans().stream().anyMatch(plan -> census.inPeriod(plan.issued()) || census.inPeriod(plan.ceased()))
                || !f.plansInForceOn(census.date()).isEmpty();
    }

    static Sen2Case sen2Case(CaseFile f, CensusDate census) {
        CaseProgress p = f.progress();
        String childRef = f.events().stream()
                .filter(e -> e instanceof org.ehcptracker.contracts.assessment.AssessmentRequested)
                .map(e -> ((org.ehcptracker.contracts.assessment.AssessmentRequested) e).childRef())
                .findFirst().orElse(null);
        String requestSource = f.events().stream()
                .filter(e -> e instanceof org.ehcptracker.contracts.assessment.AssessmentRequested)
                .map(e -> ((org.ehcptracker.contracts.assessment.AssessmentRequested) e).requestedBy().name())
                .findFirst().orElse(null);
        boolean assessed = p.decision() == AssessmentDecision.ASSESS;
        String outcome;
        LocalDate outcomeDate;
        if (p.decision() != null) {
            outcome = assessed ? "Y" : "N";
            outcomeDate = p.decisionDate();
        } else if (p.withdrawnDate() != null) {
            outcome = "W";
            outcomeDate = p.withdrawnDate();
        } else {
            outcome = "A";
            outcomeDate = null;
        }
        String transferredFrom = f.transfers().isEmpty() ? null : f.transfers().get(f.transfers().size() - 1).from();
        Request request = new Request(p.receivedDate(), requestSource, outcome, outcomeDate,
                disputed(f, DisputeKind.MEDIATION, DisputeStage.REFUSAL_TO_ASSESS),
                disputed(f, DisputeKind.TRIBUNAL, DisputeStage.REFUSAL_TO_ASSESS), transferredFrom);
        Assessment assessment = assessed ? assessment(f, p) : null;
        return new Sen2Case(f.caseId(), childRef, request, assessment, activePlan(f, census));
    }

    static Assessment assessment(CaseFile f, CaseProgress p) {
        String outcome;
        LocalDate date;
        CaseFile.Plan first = f.firstPlan();
        if (first != null && first.issued() != null) {
            outcome = "Y";
            date = first.issued();
        } else if (p.assessmentOutcome() == AssessmentOutcome.NO_PLAN) {
            outcome = "N";
            date = p.assessmentOutcomeDate();
        } else if (p.withdrawnDate() != null) {
            outcome = "W";
            date = p.withdrawnDate();
        } else {
            outcome = "A";
            date = null;
        }
        NamedPlan named = first == null || first.issued() == null ? null
                : new NamedPlan(first.id(), first.issued(), first.ceased(), ceaseReason(first.ceaseReason()),
                        placementOf(f, first, false));
        return new Assessment(outcome, date,
                disputed(f, DisputeKind.MEDIATION, DisputeStage.REFUSAL_TO_ISSUE_PLAN),
                disputed(f, DisputeKind.TRIBUNAL, DisputeStage.REFUSAL_TO_ISSUE_PLAN),
                disputed(f, DisputeKind.MEDIATION, DisputeStage.PLAN_CONTENTS),
                disputed(f, DisputeKind.TRIBUNAL, DisputeStage.PLAN_CONTENTS),
                p.has20WeekException(), named);
    }

    static ActivePlan activePlan(CaseFile f, CensusDate census) {
        List<CaseFile.Plan> inForce = f.plansInForceOn(census.date());
        if (inForce.isEmpty()) {
            return null;
        }
        CaseFile.Plan plan = inForce.get(inForce.size() - 1);
        String transferLa = f.transfers().stream().filter(t -> census.inPeriod(t.date()))
                .map(CaseFile.Transfer::from).reduce((a, b) -> b).orElse(null);
        CaseFile.Review last = plan.reviews().stream().filter(r -> r.meeting() != null)
                .max(Comparator.comparing(CaseFile.Review::meeting)).orElse(null);
        return new ActivePlan(plan.id(), transferLa, last == null ? null : last.meeting(),
                last == null ? null : reviewOutcome(last.outcome()), last == null ? null : last.decided(),
                placementOf(f, plan, true), senNeedsOf(f, plan));
    }

    /**
     * The plan's SEN needs that hold on the census date: of its {@code SenNeedsRecorded} dated by then (the case is
     * already cut at the census date), the latest by date, then by when it was recorded, as plan-service decides.
     * None recorded: an empty list, and the file leaves module 5c out.
     */
    static List<SenNeed> senNeedsOf(CaseFile f, CaseFile.Plan plan) {
        return f.events().stream()
                .filter(e -> e instanceof SenNeedsRecorded n && n.planId().equals(plan.id()))
                .map(SenNeedsRecorded.class::cast)
                .max(Comparator.comparing(SenNeedsRecorded::businessDate).thenComparing(SenNeedsRecorded::occurredAt))
                .map(n -> java.util.stream.IntStream.range(0, n.needs().size())
                        .mapToObj(i -> new SenNeed(n.needs().get(i).name(), i + 1)).toList())
                .orElse(List.of());
    }

    /**
     * The plan's placement: the final plan's setting; for the active plan the setting of its latest amendment that
     * names one, if later.
     */
    static Placement placementOf(CaseFile f, CaseFile.Plan plan, boolean latest) {
        String setting = null;
        String type = null;
        for (IntegrationEvent e : f.events()) {
            if (e instanceof FinalPlanIssued fp && fp.planId().equals(plan.id()) && setting == null && type == null) {
                setting = fp.namedSettingUrn();
                type = fp.settingType();
            } else if (latest && e instanceof AmendedPlanIssued a && a.planId().equals(plan.id())
                    && (a.namedSettingUrn() != null || a.settingType() != null)) {
                setting = a.namedSettingUrn();
                type = a.settingType();
            }
        }
        return placement(setting, type);
    }

    static Placement placement(String namedSetting, String settingType) {
        if (namedSetting != null) {
            return namedSetting.length() == 8 ? new Placement(null, namedSetting, null, 1)
                    : new Placement(namedSetting, null, null, 1);
        }
        if (settingType == null) {
            return null;
        }
        return new Placement(null, null, SEN_SETTINGS.contains(settingType) ? settingType : "OTH", 1);
    }

    private static boolean disputed(CaseFile f, DisputeKind kind, DisputeStage stage) {
        return f.disputes().stream().anyMatch(d -> d.kind() == kind && d.stage() == stage);
    }

    /** The guide's CeaseReason code (1-9) for the plan's reason; null while in force. */
    static Integer ceaseReason(CeaseReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case AGE_25 -> 1;
            case NO_LONGER_NECESSARY -> 2;
            case HIGHER_EDUCATION -> 3;
            case MOVED_TO_ANOTHER_LA -> 5;
            case LEFT_EDUCATION_OR_TRAINING -> 6;
            case OTHER -> 9;
        };
    }

    /** The annual review decision: K keep as it is, A amend, C cease (docs/sen2.md). */
    static String reviewOutcome(ReviewOutcome outcome) {
        if (outcome == null) {
            return null;
        }
        return switch (outcome) {
            case KEEP -> "K";
            case AMEND -> "A";
            case CEASE -> "C";
        };
    }
}
