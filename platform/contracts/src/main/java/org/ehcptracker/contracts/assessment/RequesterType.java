package org.ehcptracker.contracts.assessment;

/** Who asked the LA for an EHC needs assessment (recorded for SEN2 and appeal rights). */
public enum RequesterType {
    PARENT,
    /** A young person aged 16-25 asking for themselves. */
    YOUNG_PERSON,
    SCHOOL_OR_SETTING,
    HEALTH_OR_SOCIAL_CARE,
    OTHER
}
