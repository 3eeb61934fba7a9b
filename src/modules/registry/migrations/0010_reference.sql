create schema if not exists ref;

create table ref.district (
  code text primary key,
  gb2260_code text,
  name text not null,
  short_name text not null,
  kind text not null,
  region_group text not null,
  region_macro text not null,
  sort_order int not null
);

create table ref.industry (
  code text primary key,
  level text not null,
  name text not null,
  parent_code text,
  section text not null,
  division text,
  is_manufacturing boolean not null
);

create table ref.chain (
  id text primary key,
  seq int not null,
  name text not null,
  sector_id text not null,
  sector_name text not null,
  industry_codes text[] not null
);

-- Documents kept whole: the 33618 cluster system and the district map.
create table ref.document (
  name text primary key,
  body jsonb not null
);
