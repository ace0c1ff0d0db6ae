-- Phase transfers (Reg 18): the review before a move between phases carries the move and the date the amended
-- plan naming the new setting is due; the list per council and year reads this index.
alter table annual_review
    add column phase_transfer           text,
    add column phase_transfer_deadline  date,
    add column amended_setting          text;

create index annual_review_phase_transfer_idx on annual_review (local_authority_code, phase_transfer_deadline)
    where phase_transfer is not null;
