-- One row per grain state. version starts at 1 and grows by one with every write or clear (a clear keeps the row
-- with state null), so an ETag never repeats for a key.
create table {schema}.grain_state (
    grain_type text not null,
    grain_key text not null,
    state_name text not null,
    version bigint not null check (version > 0),
    state jsonb,
    updated_at timestamptz not null default now(),
    primary key (grain_type, grain_key, state_name)
);
