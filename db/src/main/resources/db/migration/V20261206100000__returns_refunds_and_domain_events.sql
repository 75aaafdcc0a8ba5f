-- Returns and refunds (RET-1..3), and the outbox of domain events.
--
-- A return is a sale of its own, linked to the sale it returns, with negative lines that each point at the
-- original line they return: sums over sale_line then net returns by themselves. A refund that gave money back is
-- a negative sale_payment on the return; the refund row below follows its way there (sent to a processor or not).

alter table sale add column return_of_sale_id uuid references sale (id);
create index sale_returns on sale (return_of_sale_id) where return_of_sale_id is not null;

alter table sale_line add column returned_line_id uuid references sale_line (id);
create index sale_line_returned on sale_line (returned_line_id) where returned_line_id is not null;

-- Where refunds of this payment type are sent, and the credentials sent with them (sealed like a channel's, with
-- the id of the key that sealed them). Without a URL, refunds are made by hand (cash, or the processor's portal).
alter table payment_type add column processor_url varchar;
alter table payment_type add column processor_credentials bytea;
alter table payment_type add column key_id varchar;

-- One per return: how its money goes back. pending (written before the processor is called), then done, refused
-- or unknown (the call timed out or failed: sent again later with the same id as its idempotency key); not_sent
-- when nothing is sent (cash, a processor Storeline does not call, no payment taken).
create table refund (
  id                uuid          primary key,
  sale_id           uuid          not null references sale (id),
  return_sale_id    uuid          not null unique references sale (id),
  -- The client's Idempotency-Key, and a digest of its request: the same key again answers this return.
  request_key       varchar,
  request_digest    varchar,
  payment_type_id   uuid          references payment_type (id),
  payment_reference varchar,
  amount            numeric(19,4) not null,
  currency          char(3)       not null,
  reason            varchar       not null default '',
  status            varchar       not null check (status in ('pending', 'done', 'refused', 'unknown', 'not_sent')),
  message           varchar       not null default '',
  register_id       uuid          not null references register (id),
  user_id           uuid,
  attempts          integer       not null default 0,
  next_attempt_at   timestamptz,
  created_at        timestamptz   not null,
  updated_at        timestamptz   not null,
  constraint refund_request_key_unique unique (sale_id, request_key)
);
create index refund_sale on refund (sale_id);
create index refund_due on refund (next_attempt_at) where status in ('pending', 'unknown');

-- The outbox: what happened to sales ("sale refunded", "sale cancelled"), written in the transaction that made it
-- happen, read in id order by whatever sends it on. Writers take a transaction lock first (see JooqDomainEvents), so
-- ids become visible in the order they were given: a reader that has read up to id N never finds a smaller one later.
create table domain_event (
  id         bigint      generated always as identity primary key,
  type       varchar     not null,
  sale_id    uuid        not null,
  payload    jsonb       not null,
  created_at timestamptz not null
);
create index domain_event_sale on domain_event (sale_id);
