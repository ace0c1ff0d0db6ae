package org.ehcptracker.assessment.app;

import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;

/** A case as its events left it, with the child's personal details while this service holds them. */
public record CaseFile(CaseState state, ChildPersonalDetails child) {
}
