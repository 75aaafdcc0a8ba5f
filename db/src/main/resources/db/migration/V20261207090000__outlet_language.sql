-- The language an outlet's packing slips and customer emails are written in.
alter table outlet add column language varchar not null default 'en' check (language in ('en', 'fr', 'nl'));
