package org.ehcptracker.contracts.plan;

/**
 * A type of special educational need, as the plan's section B describes it: the DfE's common basic data set codes
 * that the school census and SEN2 (the active plans' SEN need, ranked) use. A code, never free text.
 */
public enum SenNeedType {
    /** specific learning difficulty */
    SPLD,
    /** moderate learning difficulty */
    MLD,
    /** severe learning difficulty */
    SLD,
    /** profound and multiple learning difficulty */
    PMLD,
    /** social, emotional and mental health */
    SEMH,
    /** speech, language and communication needs */
    SLCN,
    /** hearing impairment */
    HI,
    /** vision impairment */
    VI,
    /** multi-sensory impairment */
    MSI,
    /** physical disability */
    PD,
    /** autistic spectrum disorder */
    ASD,
    /** other difficulty or disability */
    OTH
}
