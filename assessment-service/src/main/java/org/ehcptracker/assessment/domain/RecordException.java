package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;

/**
 * The LA records that an exception applies to one statutory limit of the case (Regs 5(4), 10(4), 13(3)).
 *
 * @param exceptionId identifies the exception for later corrections; a second command with the same id is a duplicate
 * @param startDate   first day the circumstance applied: not before the clock start, not after today
 * @param endDate     last day it applied, when known: not before startDate, not after today
 * @param note        optional free text: kept only in this service's own table (erasable), never in an event
 */
public record RecordException(UUID caseId, UUID exceptionId, StatutoryLimit limit, ExceptionReason reason,
        LocalDate startDate, LocalDate endDate, String note) {
}
