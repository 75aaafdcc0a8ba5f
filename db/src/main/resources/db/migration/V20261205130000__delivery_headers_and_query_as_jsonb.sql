-- A stored delivery's headers and query parameters become jsonb objects (name → value) instead of a home-made
-- "name: value" text with backslash escapes: PostgreSQL checks them, and they can be queried in SQL
-- (headers ->> 'x-wc-webhook-topic'). Rows stored before are converted here.
alter table webhook_delivery rename column headers to headers_text;
alter table webhook_delivery rename column query to query_text;
alter table webhook_delivery add column headers jsonb;
alter table webhook_delivery add column query jsonb;

-- The old text: one "name: value" per line; in it \\ stands for a backslash, \n and \r for line breaks, and \c for
-- a colon in a name. The conversion reads it line by line; jOOQ's schema simulation has no use for it.
-- [jooq ignore start]
create function pg_temp.storeline_unescape(t text) returns text language sql immutable as $$
  select replace(replace(replace(replace(replace(t, '\\', chr(1)), '\n', chr(10)), '\r', chr(13)), '\c', ':'), chr(1), '\')
$$;
create function pg_temp.storeline_properties(t text) returns jsonb language sql immutable as $$
  select coalesce(jsonb_object_agg(pg_temp.storeline_unescape(split_part(line, ': ', 1)),
                                   pg_temp.storeline_unescape(substr(line, strpos(line, ': ') + 2))), '{}'::jsonb)
  from regexp_split_to_table(t, E'\n') as line
  where strpos(line, ': ') > 0
$$;
update webhook_delivery set headers = pg_temp.storeline_properties(headers_text), query = pg_temp.storeline_properties(query_text);
-- [jooq ignore stop]

alter table webhook_delivery alter column headers set not null;
alter table webhook_delivery alter column query set not null;
alter table webhook_delivery alter column query set default '{}'::jsonb;
alter table webhook_delivery drop column headers_text;
alter table webhook_delivery drop column query_text;
