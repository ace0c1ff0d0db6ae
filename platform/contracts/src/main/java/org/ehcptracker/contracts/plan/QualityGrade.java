package org.ehcptracker.contracts.plan;

/** Plan quality audit grade, on Ofsted's four-point scale. */
public enum QualityGrade {
    OUTSTANDING,
    GOOD,
    REQUIRES_IMPROVEMENT,
    INADEQUATE
}
