-- Name search: Chinese keywords are often two characters, shorter than a trigram, so names are indexed by their
-- character pairs; a query's pairs narrow the rows through the index and LIKE checks the rest.
create function registry.character_pairs(text) returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct substr($1, i, 2)), '{}')
  from generate_series(1, greatest(char_length($1) - 1, 0)) as i
$$;
alter table registry.enterprise add column name_pairs text[] generated always as (registry.character_pairs(name)) stored;
create index enterprise_name_pairs on registry.enterprise using gin (name_pairs);

-- Credit-code prefix search.
create index enterprise_code_prefix on registry.enterprise (credit_code text_pattern_ops);

-- Descending sorts keep unknown values last, which the ascending indexes cannot serve.
create index enterprise_revenue_desc on registry.enterprise (summary_operating_revenue desc nulls last, credit_code desc);
create index enterprise_registration_desc on registry.enterprise (registration_date desc nulls last, credit_code desc);

-- The largest enterprises of a district or a size class, without sorting the whole class: a size filter walking the
-- plain revenue index stalls, because few small firms sit among the largest revenues.
create index enterprise_district_revenue on registry.enterprise (district_code, summary_operating_revenue desc nulls last, credit_code desc);
create index enterprise_size_revenue on registry.enterprise (size_class, summary_operating_revenue desc nulls last, credit_code desc);

-- Four size classes make a poor index on their own: the planner used it to intersect with far better ones.
drop index registry.enterprise_size;
