create schema if not exists discovery;

-- One evaluation of the whole registry as of a date. Progress is committed with each batch of results,
-- so a run whose process died resumes after `last_credit_code` with the counts it had reached.
create table discovery.run (
  id bigserial primary key,
  as_of date not null,
  application text not null check (application in ('new', 're_review')),
  trigger text not null check (trigger in ('page', 'cli', 'schedule')),
  scheduled_for date,
  requested_by text not null,
  status text not null check (status in ('queued', 'running', 'completed', 'failed')),
  -- Standard ids in the order of the per-standard arrays of discovery.result.
  standards text[] not null,
  rule_versions jsonb not null default '{}',
  total int,
  processed int not null default 0,
  counts jsonb not null default '{}',
  last_credit_code text,
  -- Highest registry change set already reflected in the results (the incremental watcher moves it on).
  watermark bigint not null default 0,
  owner text,
  heartbeat_at timestamptz,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  seconds numeric,
  error text
);
create index run_status on discovery.run (status, id);
create unique index run_scheduled_once on discovery.run (scheduled_for) where trigger = 'schedule';

-- Per enterprise of a run, one array element per standard of run.standards (1-based like SQL arrays):
-- status 0 qualified, 1 not qualified, 2 insufficient data, 3 manual review; score null when unknown.
-- held_mask has bit k-1 set when the enterprise holds standard k's title on the run's date; review holds the
-- re-review status of held titles. One row per enterprise keeps a million-enterprise run to a million rows.
create table discovery.result (
  run_id bigint not null references discovery.run (id) on delete cascade,
  credit_code text not null,
  name text not null,
  district_code text,
  industry_code text,
  chains text[] not null default '{}',
  size_class text,
  status smallint[] not null,
  score real[] not null,
  unmet smallint[] not null,
  distance real[] not null,
  held_mask int not null default 0,
  title_expiry date[],
  review smallint[],
  -- Gaps of unmet numeric criteria for standards one criterion short: {standard: [[id, gap, unit], …]}.
  gaps jsonb,
  primary key (run_id, credit_code)
);
create index result_district on discovery.result (run_id, district_code);

-- Named cultivation lists: a district's 重点清单 for a year, and the city's pools.
create table discovery.key_list (
  id bigserial primary key,
  kind text not null check (kind in ('district', 'specialized_pool', 'champion_city', 'champion_national', 'ipo_reserve', 'demonstration')),
  name text not null,
  year int not null,
  district_code text references ref.district (code),
  standard text not null,
  capacity int,
  note text,
  created_by text not null,
  created_at timestamptz not null default now(),
  check ((kind = 'district') = (district_code is not null))
);
create unique index key_list_name on discovery.key_list (kind, year, coalesce(district_code, ''), name);

-- Membership with its history: removing a member closes its row, adding it again opens a new one.
create table discovery.key_list_member (
  id bigserial primary key,
  list_id bigint not null references discovery.key_list (id) on delete cascade,
  credit_code text not null,
  name text not null,
  district_code text,
  industry_code text,
  chains text[] not null default '{}',
  added_at timestamptz not null default now(),
  added_by text not null,
  add_reason text not null,
  added_run_id bigint references discovery.run (id) on delete set null,
  added_status smallint,
  added_unmet smallint,
  added_distance real,
  removed_at timestamptz,
  removed_by text,
  remove_reason text
);
create unique index key_list_member_current on discovery.key_list_member (list_id, credit_code) where removed_at is null;
create index key_list_member_enterprise on discovery.key_list_member (credit_code);
