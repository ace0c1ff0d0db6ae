package org.ehcptracker.contracts.advice;

/** Grounds on which advice need not be returned within 6 weeks (Reg 8(2)); no school-closure ground here. */
public enum AdviceExceptionReason {
    EXCEPTIONAL_CIRCUMSTANCES,
    /** Absent from the area for 4+ weeks inside the 6 weeks. */
    ABSENT_FROM_AREA,
    /** The child missed an appointment. */
    MISSED_APPOINTMENT
}
