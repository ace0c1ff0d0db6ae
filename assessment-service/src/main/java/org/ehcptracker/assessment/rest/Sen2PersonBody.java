package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.Sen2Person;

/** Body of {@code PUT /api/cases/{caseId}/sen2-person}: SEN2's person details, each optional (left out: not held). */
@Schema(name = "Sen2Person", description = "The child's SEN2 person details besides name and date of birth: personal data,"
        + " held only in assessment-service, erasable")
public record Sen2PersonBody(
        @Size(max = 8) @Schema(description = "CBDS sex code: M, F or U (not known)", example = "F") String sex,
        @Size(max = 8) @Schema(description = "CBDS main ethnicity code, REFU (refused) or NOBT (not yet obtained)", example = "WBRI")
        String ethnicity,
        @Size(max = 16) @Schema(description = "unique pupil number: 13 characters, DfE check letter first", example = "Z839200125001")
        String upn,
        @Size(max = 16) @Schema(description = "unique learner number: 10 digits, check digit last", example = "1234567899")
        String uln,
        @Size(max = 16) @Schema(description = "UK postcode", example = "SW1A 1AA") String postcode) {

    /** The details, checked against their code lists and formats (400 naming the field otherwise). */
    Sen2Person toPerson() {
        return Sen2Person.checked(sex, ethnicity, upn, uln, postcode);
    }

    static Sen2PersonBody of(Sen2Person p) {
        return new Sen2PersonBody(p.sex(), p.ethnicity(), p.upn(), p.uln(), p.postcode());
    }
}
