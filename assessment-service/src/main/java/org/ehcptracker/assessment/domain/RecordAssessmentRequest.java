package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequesterType;

/**
 * A request for an EHC needs assessment reached the LA (day 0 of the statutory clock).
 *
 * @param caseId             the new case; also the event stream id
 * @param localAuthorityCode DfE three-digit LA code, e.g. "839"
 * @param receivedDate       the day the LA received the request; not after today
 * @param requestedBy        who made the request
 * @param childRef           pseudonymous child reference (never a name)
 * @param child              the child's name and date of birth (not after receivedDate), when given; never in an event
 * @param transferredIn      when the case reaches this LA as a transfer: the previous LA and the day this LA became
 *                           responsible (the clock start); null otherwise
 * @param kind               INITIAL or REASSESSMENT (Reg 27: a child who already has a plan); null means INITIAL
 * @param yearGroup          the child's national curriculum year group on receivedDate; null when not given
 *                           (advice-service asks for preparation-for-adulthood advice from Year 9 on it)
 */
public record RecordAssessmentRequest(UUID caseId,
        String localAuthorityCode,
        LocalDate receivedDate,
        RequesterType requestedBy,
        String childRef,
        ChildPersonalDetails child,
        TransferIn transferredIn,
        RequestKind kind,
        NationalCurriculumYear yearGroup) {

    public RecordAssessmentRequest {
        child = child == null ? ChildPersonalDetails.NONE : child;
        kind = kind == null ? RequestKind.INITIAL : kind;
    }

    /** A request without a year group. */
    public RecordAssessmentRequest(UUID caseId, String localAuthorityCode, LocalDate receivedDate, RequesterType requestedBy,
                                   String childRef, ChildPersonalDetails child, TransferIn transferredIn, RequestKind kind) {
        this(caseId, localAuthorityCode, receivedDate, requestedBy, childRef, child, transferredIn, kind, null);
    }

    /** An initial request, possibly a transfer. */
    public RecordAssessmentRequest(UUID caseId, String localAuthorityCode, LocalDate receivedDate, RequesterType requestedBy,
                                   String childRef, ChildPersonalDetails child, TransferIn transferredIn) {
        this(caseId, localAuthorityCode, receivedDate, requestedBy, childRef, child, transferredIn, RequestKind.INITIAL);
    }

    /** A request that did not come as a transfer. */
    public RecordAssessmentRequest(UUID caseId, String localAuthorityCode, LocalDate receivedDate, RequesterType requestedBy,
                                   String childRef, ChildPersonalDetails child) {
        this(caseId, localAuthorityCode, receivedDate, requestedBy, childRef, child, null);
    }

    /** A request without personal details. */
    public RecordAssessmentRequest(UUID caseId, String localAuthorityCode, LocalDate receivedDate, RequesterType requestedBy,
                                   String childRef) {
        this(caseId, localAuthorityCode, receivedDate, requestedBy, childRef, ChildPersonalDetails.NONE, null);
    }
}
