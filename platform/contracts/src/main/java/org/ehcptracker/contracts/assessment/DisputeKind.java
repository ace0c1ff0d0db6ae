package org.ehcptracker.contracts.assessment;

/** A dispute route the case went down; SEN2 excludes such cases from the 20-week measure. */
public enum DisputeKind {
    MEDIATION,
    /** An appeal to the First-tier Tribunal (SEND). */
    TRIBUNAL
}
