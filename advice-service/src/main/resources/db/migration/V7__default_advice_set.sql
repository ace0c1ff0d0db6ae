-- Default advice set (issue 8 item 2): per council, the advice types raised automatically when a case is
-- decided for assessment, each to the council's default agency for that type.
create table default_advice (
    local_authority_code text         not null,
    advice_type          text         not null,
    agency_id            text         not null,
    changed_by           text         not null,
    changed_at           timestamptz  not null,
    primary key (local_authority_code, advice_type)
);
