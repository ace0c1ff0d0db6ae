package org.ehcptracker.advice.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.advice.domain.DefaultAdvice;
import org.ehcptracker.contracts.advice.AdviceType;

/** Body of {@code PUT /api/councils/{la}/default-advice}: the whole set (empty to raise nothing). */
public record DefaultAdviceBody(@NotNull List<@Valid @NotNull Entry> entries) {

    /** One type of advice and the council's default agency for it. */
    public record Entry(
            @NotNull AdviceType adviceType,
            @NotNull @Pattern(regexp = AdviceRequest.AGENCY_ID_PATTERN,
                    message = "must be 1-100 letters, digits or . _ @ - (e.g. 839-EPS)")
            @Schema(example = "839-EPS")
            String agencyId) {
    }

    List<DefaultAdvice> toSet() {
        return entries.stream().map(e -> new DefaultAdvice(e.adviceType(), e.agencyId())).toList();
    }

    static DefaultAdviceBody of(List<DefaultAdvice> set) {
        return new DefaultAdviceBody(set.stream().map(d -> new Entry(d.adviceType(), d.agencyId())).toList());
    }
}
