-- The staff web app: a user's own language (null: follow the browser's), sessions shared by every server process,
-- and failed sign-ins counted per email for the lock-out.
alter table app_user add column language varchar check (language in ('en', 'fr', 'nl'));

create table web_session (
  id           uuid        primary key,
  -- SHA-256 of the browser's token: the token itself is only ever in the cookie.
  token_hash   varchar     not null unique,
  user_id      uuid        not null references app_user (id),
  csrf_token   varchar     not null,
  created_at   timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at   timestamptz not null
);
create index web_session_expires_at on web_session (expires_at);

create table sign_in_failure (
  email_key varchar     not null,
  failed_at timestamptz not null
);
create index sign_in_failure_email_key on sign_in_failure (email_key, failed_at);
create index sign_in_failure_failed_at on sign_in_failure (failed_at);
