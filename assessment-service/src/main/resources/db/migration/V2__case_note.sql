-- Free text a caseworker types about an exception or a dispute. It may hold a name or health details, so it is
-- never put into an event (events carry codes only) and is kept only here, erased with the child's personal
-- details (DELETE /api/cases/{caseId}/personal-details blanks the note and records when). Written in the same
-- transaction as the event it belongs to (ExceptionRecorded, MediationOrTribunalRecorded).
create table case_note (
    subject_id  uuid         primary key,   -- the exceptionId or the disputeId
    case_id     uuid         not null,
    subject     text         not null check (subject in ('EXCEPTION', 'DISPUTE')),
    note        text,
    erased_at   timestamptz,
    constraint case_note_erased_means_empty check (erased_at is null or note is null)
);
create index case_note_by_case on case_note (case_id);
