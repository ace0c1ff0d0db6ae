package org.ehcptracker.assessment.app;

import java.time.LocalDate;
import java.util.List;

/** One page of the worklist: its lines, how many lines match in all, and the day it was computed for. */
public record WorklistPage(List<WorklistLine> lines, long total, int page, int size, LocalDate today) {
}
