create table demo_counter (case_id uuid primary key, events int not null);
