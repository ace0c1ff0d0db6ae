package org.ehcptracker.assessment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/cases/{caseId}/assignment}. */
@Schema(name = "Assignment request", description = "The caseworker to assign the case to")
public record AssignmentBody(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}",
                message = "must be a caseworker's id as in the sign-in token's subject: 1-100 letters, digits, '.', '_', '@' or '-'")
        @Schema(description = "the caseworker's id, as their sign-in subject (the token's sub claim)", example = "jsmith")
        String caseworker) {
}
