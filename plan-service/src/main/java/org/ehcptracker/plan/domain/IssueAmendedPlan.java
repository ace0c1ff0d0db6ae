package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Issue the final amended plan after a decision to amend; it may name a (new) setting or a type of setting, or
 * neither when the setting does not change.
 */
public record IssueAmendedPlan(UUID reviewId, LocalDate issuedDate, String namedSettingUrn, String settingType) {

    public IssueAmendedPlan {
        Objects.requireNonNull(reviewId, "reviewId");
    }
}
