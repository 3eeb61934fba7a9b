create schema if not exists registry;

create table registry.enterprise (
  credit_code text primary key,
  name text not null,
  registration_date date,
  district_code text references ref.district (code),
  industry_code text references ref.industry (code),
  legal_person boolean,
  resident_enterprise boolean,
  tax_collection_method text,
  rd_accounting_ok boolean,
  is_listed boolean,
  segment_start_date date,
  valuation_usd numeric,
  cumulative_financing_usd numeric,
  digital_level int,
  hte_field text,
  chains text[] not null default '{}',
  -- Nested contract objects and optional extension keys, kept exactly as sent.
  details jsonb not null default '{}',
  -- Lists of records by key; a present key is a known list (an empty array is a known "none"), an absent key is unknown.
  lists jsonb not null default '{}',
  -- Listing and search columns, rewritten in the same transaction as every write.
  size_class text,
  titles text[] not null default '{}',
  summary_year int,
  summary_operating_revenue numeric,
  summary_rd_expense numeric,
  summary_employees numeric,
  created_change_set bigint not null references platform.change_set (id),
  change_set_id bigint not null references platform.change_set (id),
  version int not null default 1,
  updated_at timestamptz not null default now()
);
create index enterprise_district on registry.enterprise (district_code, credit_code);
create index enterprise_industry on registry.enterprise (industry_code, credit_code);
create index enterprise_size on registry.enterprise (size_class, credit_code);
create index enterprise_name on registry.enterprise (name, credit_code);
create index enterprise_registration on registry.enterprise (registration_date, credit_code);
create index enterprise_revenue on registry.enterprise (summary_operating_revenue, credit_code);
create index enterprise_chains on registry.enterprise using gin (chains);
create index enterprise_titles on registry.enterprise using gin (titles);
create index enterprise_change_set on registry.enterprise (change_set_id);

create table registry.enterprise_year (
  credit_code text not null references registry.enterprise (credit_code) on delete cascade,
  fiscal_year int not null,
  operating_revenue numeric,
  main_business_revenue numeric,
  sales_revenue numeric,
  total_income numeric,
  hnt_income numeric,
  total_cost_expense numeric,
  rd_expense numeric,
  rd_expense_domestic numeric,
  net_profit numeric,
  total_assets numeric,
  total_liabilities numeric,
  employees_period_end int,
  employees_total numeric,
  sci_tech_staff numeric,
  rd_staff numeric,
  platform_srdi_score numeric,
  created_change_set bigint not null references platform.change_set (id),
  change_set_id bigint not null references platform.change_set (id),
  primary key (credit_code, fiscal_year)
);

-- History of corrections: what each write changed, old and new values side by side.
create table registry.revision (
  id bigserial primary key,
  credit_code text not null,
  change_set_id bigint not null references platform.change_set (id),
  entity text not null,
  before jsonb,
  after jsonb
);
create index revision_enterprise on registry.revision (credit_code, id);
