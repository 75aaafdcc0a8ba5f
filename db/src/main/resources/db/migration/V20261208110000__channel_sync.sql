-- The sync outbox (SOR-1, SOR-3, BYD-3, the STS table): what must reach the online channels, written in the
-- transaction of the change that causes it and sent later by the sync workers of any server process.
--
-- kind stock | price: one product's absolute level or price for one channel. The value is read when it is sent, so a
--   task is only "this product changed": at most one waits per (channel, kind, product) (sync_task_waiting), and a
--   change while one waits merges into it. A change while one is in flight makes a new one, claimed only after the
--   first ends. Finished stock and price tasks are deleted: the activity log keeps what was sent.
-- kind status: something that happened to an online sale, to be told to the sale's channel; status_change is what to
--   send (core.sync.StatusChange as JSON). Never merged; the tasks of one sale go in seq order. Kept when done, so that
--   each of packed, fulfilled, paid and cancelled is told once per sale (sync_task_status_once).
--
-- state: pending (due at next_attempt_at) -> in_flight (claimed by lease_owner until lease_until; a claim whose lease
--   ran out is taken again) -> done | refused (final: the platform said no; retried by hand from the activity log)
--   | pending again (later, with backoff or the platform's Retry-After) | unknown (a status change sent without an
--   answer: checked against the platform before it is sent again, at next_attempt_at).
create table sync_task (
  id              uuid        primary key,
  seq             bigint      generated always as identity,
  channel_id      uuid        not null references channel (id) on delete cascade,
  kind            varchar     not null check (kind in ('stock', 'price', 'status')),
  product_id      uuid        references product (id),
  sale_id         uuid        references sale (id),
  status_kind     varchar     check (status_kind in ('packed', 'fulfilled', 'paid', 'cancelled', 'refunded')),
  status_change   jsonb,
  state           varchar     not null check (state in ('pending', 'in_flight', 'done', 'refused', 'unknown')),
  attempts        integer     not null default 0,
  next_attempt_at timestamptz not null,
  lease_owner     varchar,
  lease_until     timestamptz,
  last_outcome    varchar,
  last_error      varchar,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  check ((kind = 'status') = (sale_id is not null and status_kind is not null and status_change is not null)),
  check ((kind = 'status') = (product_id is null))
);
-- Coalescing: one waiting stock or price task per channel and product; a scheduler merges into it (ON CONFLICT).
create unique index sync_task_waiting on sync_task (channel_id, kind, product_id)
  where state = 'pending' and kind in ('stock', 'price');
-- Each of these is told once per sale, however often its event is read.
create unique index sync_task_status_once on sync_task (channel_id, sale_id, status_kind)
  where status_kind in ('packed', 'fulfilled', 'paid', 'cancelled');
-- The claim: due work per channel, the in-flight task a newer one of the same product waits for, a sale's order.
create index sync_task_due on sync_task (channel_id, next_attempt_at) where state in ('pending', 'unknown');
create index sync_task_in_flight on sync_task (channel_id, lease_until) where state = 'in_flight';
create index sync_task_product on sync_task (channel_id, kind, product_id) where state = 'in_flight';
create index sync_task_sale on sync_task (sale_id, seq) where kind = 'status' and state <> 'done';

-- The products each channel sells, as the platform knows them: found by SKU once, then remembered (its ids, as the
-- platform module wrote them), so that a push needs no look-up. Not found is remembered too, and looked up again
-- after a while (a product may be created on the platform later); a different SKU here is looked up again at once.
create table channel_listing (
  channel_id   uuid        not null references channel (id) on delete cascade,
  product_id   uuid        not null references product (id),
  sku          varchar     not null,
  platform_ids jsonb       not null,
  found        boolean     not null,
  checked_at   timestamptz not null,
  primary key (channel_id, product_id)
);

-- How far the status reader has read the domain-event outbox (domain_event.id). It starts at the events already
-- there: what happened before sync existed is not sent now.
create table sync_status_cursor (
  id         smallint    primary key check (id = 1),
  position   bigint      not null,
  updated_at timestamptz not null
);
-- [jooq ignore start]
insert into sync_status_cursor (id, position, updated_at)
  select 1, coalesce(max(id), 0), current_timestamp from domain_event;
-- [jooq ignore stop]

-- The activity log shows every outgoing call (BYD-4): the request (method and path), the platform's status and
-- answer, and the sync tasks it carried (a refused call is retried by hand through them).
alter table channel_activity add column request varchar;
alter table channel_activity add column http_status integer;
alter table channel_activity add column answer varchar;
alter table channel_activity add column sync_task_ids uuid[];
-- [jooq ignore start]
alter table channel_activity drop constraint channel_activity_kind_check;
alter table channel_activity add constraint channel_activity_kind_check check (kind in (
  'delivery', 'fetch', 'import', 'registration', 'reconciliation', 'listing', 'stock', 'price', 'status'));
alter table channel_activity drop constraint channel_activity_outcome_check;
alter table channel_activity add constraint channel_activity_outcome_check check (outcome in (
  'accepted', 'rejected', 'imported', 'skipped', 'not_applied', 'ignored', 'failed', 'succeeded',
  'refused', 'retrying', 'unknown'));
-- [jooq ignore stop]
