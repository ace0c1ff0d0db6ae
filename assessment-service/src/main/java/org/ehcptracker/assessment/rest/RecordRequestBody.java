package org.ehcptracker.assessment.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.ehcptracker.kit.rest.NotBefore;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;
import org.ehcptracker.assessment.domain.Sen2Person;
import org.ehcptracker.assessment.domain.RecordAssessmentRequest;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.kit.domain.CommandRejected;

/** Body of {@code POST /api/cases}. */
@Schema(name = "RecordRequest", description = "A request for an EHC needs assessment received by the LA")
public record RecordRequestBody(
        @Schema(description = "optional client-chosen case id: a retried POST with the same id gets 409 instead of a second case")
        UUID caseId,
        @NotNull @Pattern(regexp = "\\d{3}", message = "must be the DfE three-digit local authority code, e.g. 839")
        @Schema(example = "839")
        String localAuthorityCode,
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull @Schema(description = "the day the LA received the request (day 0); not in the future", example = "2025-03-03")
        LocalDate receivedDate,
        @NotNull
        RequesterType requestedBy,
        @NotBlank @Size(max = 64)
        @Schema(description = "pseudonymous child reference; the only child identifier that leaves this service", example = "C-7Q4M2K")
        String childRef,
        @Size(max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when given")
        @Schema(description = "personal data: held only in this service, never published, erasable")
        String childName,
        @NotBefore("1900-01-01") @Schema(description = "personal data: held only in this service, never published, erasable; not after receivedDate")
        LocalDate childDateOfBirth,
        @Valid @Schema(description = "when the case reaches this LA as a transfer: the previous LA (fromLocalAuthorityCode) and"
                + " the day this LA became responsible (transferDate, the clock start); receivedDate is the previous LA's."
                + " localAuthorityCode must be left out here")
        TransferInBody transferredIn,
        @Schema(description = "INITIAL (default when left out), or REASSESSMENT of a child who already has a plan"
                + " (Reg 27: the final plan is due 14 weeks after receivedDate, with the same exceptions)")
        RequestKind requestKind,
        @Schema(description = "the child's national curriculum year group on receivedDate, a code as SEN2 records it:"
                + " EARLY_YEARS (below reception), RECEPTION, Y1 to Y14, or NOT_IN_A_YEAR_GROUP (SEN2 X); optional."
                + " From Y9 advice-service also asks for preparation-for-adulthood advice. Anything else, a number"
                + " included, is a 400 naming yearGroup")
        NationalCurriculumYear yearGroup,
        @Size(max = 8) @Schema(description = "SEN2 person module, personal data (held only here, erasable): CBDS sex code M, F or U", example = "F")
        String sex,
        @Size(max = 8) @Schema(description = "SEN2 person module, personal data: a CBDS main ethnicity code, REFU or NOBT", example = "WBRI")
        String ethnicity,
        @Size(max = 16) @Schema(description = "SEN2 person module, personal data: the unique pupil number (13 characters, DfE check letter first)", example = "Z839200125001")
        String upn,
        @Size(max = 16) @Schema(description = "SEN2 person module, personal data: the unique learner number (10 digits, check digit last)", example = "1234567899")
        String uln,
        @Size(max = 16) @Schema(description = "SEN2 person module, personal data: the child's home postcode", example = "SW1A 1AA")
        String postcode) {

    /** The command; a request without caseId gets a new one. */
    RecordAssessmentRequest toCommand() {
        if (transferredIn != null && transferredIn.localAuthorityCode() != null
                && !transferredIn.localAuthorityCode().equals(localAuthorityCode)) {
            throw CommandRejected.invalid("transferredIn.localAuthorityCode", "transferredIn.localAuthorityCode must be left"
                    + " out: a new case is held by its localAuthorityCode, the LA it was transferred to");
        }
        return new RecordAssessmentRequest(caseId != null ? caseId : UUID.randomUUID(), localAuthorityCode, receivedDate,
                requestedBy, childRef, new ChildPersonalDetails(childName, childDateOfBirth,
                        Sen2Person.checked(sex, ethnicity, upn, uln, postcode)),
                transferredIn == null ? null : transferredIn.toTransferIn(), requestKind, yearGroup);
    }
}
