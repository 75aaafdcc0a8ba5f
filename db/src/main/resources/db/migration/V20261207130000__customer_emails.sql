-- Customer emails (FUL-6): a delivery shipped, a pickup ready, told to the sale's customer in the outlet's language.

-- The SMTP server they go through: one row, off until an admin turns it on. The password is sealed like a channel's
-- credentials (AES-256-GCM, db.crypto.SecretBox) with the id of the key that sealed it, and never answered.
create table email_settings (
  id           smallint    primary key check (id = 1),
  enabled      boolean     not null default false,
  host         varchar,
  port         integer     not null default 587 check (port between 1 and 65535),
  security     varchar     not null default 'starttls' check (security in ('none', 'starttls', 'tls')),
  username     varchar,
  password     bytea,
  key_id       varchar,
  from_address varchar,
  from_name    varchar,
  updated_at   timestamptz not null
);
insert into email_settings (id, updated_at) values (1, current_timestamp);

-- How far the email job has read the outbox (domain_event.id): events after it are still to be turned into emails.
-- Moved in the transaction that writes the emails of the events read, so each event is read once.
create table customer_email_cursor (
  id         smallint    primary key check (id = 1),
  position   bigint      not null,
  updated_at timestamptz not null
);
insert into customer_email_cursor (id, position, updated_at) values (1, 0, current_timestamp);

-- One email per fulfillment and kind, written (rendered) when its event is read, then sent by the job: pending
-- (not tried yet, or resent), sent, failed (the last attempt failed: tried again at next_attempt_at, or never again
-- when that is null) or skipped (nothing to send: no address, or emails off; skip_reason says which).
create table customer_email (
  id              uuid        primary key,
  sale_id         uuid        not null references sale (id),
  fulfillment_id  uuid        not null references fulfillment (id),
  outlet_id       uuid        not null references outlet (id),
  kind            varchar     not null check (kind in ('shipped', 'ready_for_pickup')),
  event_id        bigint      not null,
  recipient       varchar,
  language        varchar     not null check (language in ('en', 'fr', 'nl')),
  subject         varchar     not null,
  body            varchar     not null,
  status          varchar     not null check (status in ('pending', 'sent', 'failed', 'skipped')),
  attempts        integer     not null default 0,
  next_attempt_at timestamptz,
  last_error      varchar,
  skip_reason     varchar,
  created_at      timestamptz not null,
  sent_at         timestamptz,
  updated_at      timestamptz not null,
  constraint customer_email_once unique (fulfillment_id, kind)
);
create index customer_email_sale on customer_email (sale_id, created_at);
create index customer_email_due on customer_email (next_attempt_at) where status in ('pending', 'failed');
