package org.ehcptracker.contracts.assessment;

/** The assessment-stage time limits an exception can be recorded against. */
public enum StatutoryLimit {
    /** Decision whether to assess, 6 weeks (Reg 5(4)). */
    DECISION_6_WEEKS,
    /** Decision not to issue a plan after assessment, 16 weeks (Reg 10(4)). */
    NO_PLAN_16_WEEKS,
    /** Final plan issued, 20 weeks (Reg 13(3)). */
    FINAL_PLAN_20_WEEKS,
    /**
     * Final plan after a re-assessment, 14 weeks (Reg 27), with the same exceptions as the 20 weeks: the only
     * limit of a re-assessment (a {@code RequestKind.REASSESSMENT} case).
     */
    FINAL_PLAN_14_WEEKS_REASSESSMENT
}
