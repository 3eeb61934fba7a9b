create schema if not exists workflow;

-- One call for applications: a standard, a year and a batch number, with its window and deadlines.
create table workflow.batch (
  id bigserial primary key,
  standard text not null,
  kind text not null check (kind in ('new', 're_review')),
  year int not null,
  batch_no int not null check (batch_no > 0),
  title text not null,
  rule_version text not null,
  window_start date not null,
  window_end date not null,
  district_review_deadline date not null,
  city_review_deadline date not null,
  publicity_working_days int not null check (publicity_working_days between 1 and 30),
  validity_years int not null check (validity_years between 1 and 10),
  jump_factor numeric not null check (jump_factor > 1),
  publicity_start date,
  publicity_end date,
  final_published_on date,
  created_by text not null,
  created_at timestamptz not null default now(),
  unique (standard, kind, year, batch_no),
  check (window_start <= window_end)
);

create table workflow.application (
  id bigserial primary key,
  batch_id bigint not null references workflow.batch (id),
  credit_code text not null,
  district_code text not null,
  enterprise_name text not null,
  state text not null,
  -- Optimistic concurrency: every transition names the version it read and raises it by one.
  version int not null default 1,
  -- Frozen at submission: the registry profile and the engine's self-assessment of it.
  snapshot jsonb,
  self_assessment jsonb,
  flags jsonb not null default '[]',
  submitted_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index application_one_live_per_batch on workflow.application (batch_id, credit_code) where state <> 'withdrawn';
create index application_scope on workflow.application (district_code, credit_code);
create index application_state on workflow.application (state, batch_id);

create table workflow.application_event (
  id bigserial primary key,
  application_id bigint not null references workflow.application (id),
  transition text not null,
  from_state text not null,
  to_state text not null,
  version int not null,
  actor text not null,
  actor_role text,
  reason text,
  at timestamptz not null default now()
);
create index application_event_application on workflow.application_event (application_id, id);

create table workflow.evidence (
  id bigserial primary key,
  application_id bigint not null references workflow.application (id),
  evidence_type text not null,
  file_name text not null,
  content_type text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null default now()
);
create index evidence_application on workflow.evidence (application_id);

-- The expert pool: each expert's own district and declared conflicts exclude them from an application.
create table workflow.expert (
  id bigserial primary key,
  username text not null unique,
  name text not null,
  district_code text not null,
  specialty text,
  active boolean not null default true,
  updated_at timestamptz not null default now()
);

create table workflow.expert_conflict (
  expert_id bigint not null references workflow.expert (id),
  credit_code text not null,
  reason text not null,
  declared_at timestamptz not null default now(),
  primary key (expert_id, credit_code)
);

create table workflow.panel_member (
  batch_id bigint not null references workflow.batch (id),
  expert_id bigint not null references workflow.expert (id),
  drawn_by text not null,
  drawn_at timestamptz not null default now(),
  primary key (batch_id, expert_id)
);

create table workflow.assignment (
  application_id bigint not null references workflow.application (id),
  expert_id bigint not null references workflow.expert (id),
  assigned_at timestamptz not null default now(),
  primary key (application_id, expert_id)
);

create table workflow.score (
  application_id bigint not null,
  expert_id bigint not null,
  score numeric not null check (score between 0 and 100),
  recommend boolean not null,
  opinion text not null,
  scored_at timestamptz not null default now(),
  primary key (application_id, expert_id),
  foreign key (application_id, expert_id) references workflow.assignment (application_id, expert_id)
);

create table workflow.spot_check (
  id bigserial primary key,
  application_id bigint not null references workflow.application (id),
  checked_on date not null,
  inspectors text not null,
  findings text not null,
  consistent boolean not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);

create table workflow.objection (
  id bigserial primary key,
  application_id bigint not null references workflow.application (id),
  received_on date not null,
  objector text not null,
  content text not null,
  status text not null default 'open' check (status in ('open', 'upheld', 'dismissed')),
  response text,
  resolved_by text,
  resolved_at timestamptz,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);
create index objection_application on workflow.objection (application_id);

create table workflow.recognition (
  id bigserial primary key,
  application_id bigint not null unique references workflow.application (id),
  batch_id bigint not null references workflow.batch (id),
  credit_code text not null,
  district_code text not null,
  enterprise_name text not null,
  standard text not null,
  certificate_no text not null unique,
  issue_date date not null,
  expiry_date date not null,
  status text not null default 'active' check (status in ('active', 'expired', 'revoked')),
  revocation_id bigint,
  renewed_on date
);
create index recognition_scope on workflow.recognition (district_code, credit_code);
create index recognition_expiry on workflow.recognition (status, expiry_date);

create table workflow.revocation (
  id bigserial primary key,
  credit_code text not null,
  district_code text not null,
  enterprise_name text not null,
  reason_type text not null,
  reason text not null,
  decided_on date not null,
  ban_until date,
  titles_ended text[] not null,
  decided_by text not null,
  decided_at timestamptz not null default now()
);

create table workflow.annual_update (
  credit_code text not null,
  year int not null,
  district_code text not null,
  confirmed_by text not null,
  confirmed_at timestamptz not null default now(),
  primary key (credit_code, year)
);

create table workflow.change_report (
  id bigserial primary key,
  credit_code text not null,
  district_code text not null,
  enterprise_name text not null,
  change_type text not null,
  change_date date not null,
  description text not null,
  reported_on date not null,
  late boolean not null,
  reported_by text not null,
  reported_at timestamptz not null default now()
);
create index change_report_scope on workflow.change_report (district_code, credit_code);

-- An in-app notification goes to an audience: 'enterprise:<credit code>', 'district:<code>', 'city' or 'user:<username>'.
create table workflow.notification (
  id bigserial primary key,
  audience text not null,
  title text not null,
  body text not null,
  link text,
  dedupe_key text unique,
  created_at timestamptz not null default now()
);
create index notification_audience on workflow.notification (audience, id);

create table workflow.notification_read (
  notification_id bigint not null references workflow.notification (id),
  username text not null,
  read_at timestamptz not null default now(),
  primary key (notification_id, username)
);
