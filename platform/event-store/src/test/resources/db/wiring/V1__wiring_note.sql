create table wiring_note (id uuid primary key, note text not null);
