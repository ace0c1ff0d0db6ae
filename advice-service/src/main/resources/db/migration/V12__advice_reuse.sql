-- Existing advice used instead of a new request (Reg 6(4)), one row per case and advice type, written in the
-- transaction that appends ExistingAdviceReused. The caseworker's note may describe the child: it never leaves
-- this database and is erased with the child's personal details (CaseTextErasure).
create table advice_reuse (
    advice_reuse_id      uuid         primary key,
    case_id              uuid         not null,
    local_authority_code text         not null,
    advice_type          text         not null,
    agency_id            text         not null,
    advice_date          date         not null,
    recorded_date        date         not null,
    note                 text,
    recorded_by          text         not null,
    recorded_at          timestamptz  not null,
    unique (case_id, advice_type)
);
