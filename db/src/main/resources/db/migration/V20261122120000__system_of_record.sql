-- The system of record: outlets, registers, payment types, catalog, stock ledger, customers, users, sales.
-- Strings are varchar (the same as text in PostgreSQL) so that jOOQ's DDL simulation can index them.
-- Money is numeric with its currency beside it; times are timestamptz (UTC); ids are UUIDv7 made by the app.

create table store_settings (
  id                 smallint    primary key check (id = 1),
  prices_include_tax boolean     not null,
  currency           char(3)     not null,
  updated_at         timestamptz not null
);
insert into store_settings (id, prices_include_tax, currency, updated_at) values (1, false, 'EUR', current_timestamp);

create sequence outlet_number_seq;

create table outlet (
  id               uuid        primary key,
  -- A short number that prefixes the outlet's receipt numbers ("3-000042").
  number           integer     not null unique,
  name             varchar        not null,
  time_zone        varchar        not null,
  last_receipt_seq bigint      not null default 0,
  created_at       timestamptz not null
);

create table register (
  id         uuid        primary key,
  outlet_id  uuid        not null references outlet (id),
  name       varchar        not null,
  created_at timestamptz not null,
  constraint register_name_unique_in_outlet unique (outlet_id, name)
);

create table register_period (
  id            uuid          primary key,
  register_id   uuid          not null references register (id),
  opened_at     timestamptz   not null,
  closed_at     timestamptz,
  currency      char(3)       not null,
  opening_float numeric(19,4) not null,
  counted_cash  numeric(19,4),
  opened_by     uuid,
  closed_by     uuid
);
-- At most one open period per register.
create unique index register_period_one_open on register_period (register_id) where closed_at is null;
create index register_period_register on register_period (register_id, opened_at);

create table payment_type (
  id         uuid        primary key,
  name       varchar        not null unique,
  kind       varchar        not null check (kind in ('cash', 'card', 'bank_deposit', 'cheque', 'integrated', 'other')),
  processor  varchar,
  created_at timestamptz not null
);

create table product (
  id              uuid          primary key,
  sku             varchar          not null unique,
  name            varchar          not null,
  price           numeric(19,4) not null,
  currency        char(3)       not null,
  tax_rate        numeric(7,6)  not null,
  is_shipping_fee boolean       not null default false,
  created_at      timestamptz   not null
);

create table product_barcode (
  barcode    varchar primary key,
  product_id uuid not null references product (id)
);
create index product_barcode_product on product_barcode (product_id);

-- Current level per product and outlet; written in the same transaction as its ledger movement.
create table stock_level (
  product_id uuid        not null references product (id),
  outlet_id  uuid        not null references outlet (id),
  quantity   bigint      not null,
  updated_at timestamptz not null,
  primary key (product_id, outlet_id)
);
create index stock_level_negative on stock_level (outlet_id) where quantity < 0;

-- Append-only: rows are inserted, never updated or deleted.
create table stock_movement (
  id             uuid        primary key,
  product_id     uuid        not null references product (id),
  outlet_id      uuid        not null references outlet (id),
  delta          bigint      not null,
  quantity_after bigint      not null,
  reason         varchar        not null check (reason in ('in_store_sale', 'online_order', 'return', 'adjustment', 'cancellation', 'count')),
  sale_id        uuid,
  user_id        uuid,
  created_at     timestamptz not null
);
create index stock_movement_product_outlet on stock_movement (product_id, outlet_id, id);

create table customer (
  id         uuid        primary key,
  name       varchar        not null,
  email      varchar,
  -- Trimmed and lower-cased: the key emails are matched on.
  email_key  varchar        unique,
  created_at timestamptz not null
);

create table app_user (
  id            uuid        primary key,
  name          varchar        not null,
  email         varchar        not null,
  email_key     varchar        not null unique,
  role          varchar        not null check (role in ('admin', 'manager', 'staff')),
  password_hash varchar,
  created_at    timestamptz not null
);

create table user_outlet (
  user_id   uuid not null references app_user (id),
  outlet_id uuid not null references outlet (id),
  primary key (user_id, outlet_id)
);

create table api_token (
  id           uuid        primary key,
  user_id      uuid        not null references app_user (id),
  -- SHA-256 of the token: the token itself is shown once and never stored.
  token_hash   varchar        not null unique,
  label        varchar        not null,
  created_at   timestamptz not null,
  last_used_at timestamptz
);

create table sale (
  id                    uuid        primary key,
  receipt_number        varchar        not null unique,
  created_at            timestamptz not null,
  outlet_id             uuid        not null references outlet (id),
  register_id           uuid        not null references register (id),
  source                varchar        not null check (source in ('in_store', 'online')),
  channel_id            uuid,
  external_order_id     varchar,
  external_order_number varchar,
  status                varchar        not null check (status in ('open', 'completed', 'cancelled')),
  currency              char(3)     not null,
  customer_id           uuid        references customer (id),
  note                  varchar        not null default '',
  user_id               uuid
);
create index sale_outlet on sale (outlet_id, id);
create index sale_customer on sale (customer_id);

create table sale_line (
  id              uuid          primary key,
  sale_id         uuid          not null references sale (id),
  position        integer       not null,
  product_id      uuid          references product (id),
  sku             varchar          not null,
  name            varchar          not null,
  quantity        bigint        not null,
  unit_price      numeric(19,4) not null,
  discount        numeric(19,4) not null,
  tax_rate        numeric(7,6)  not null,
  tax             numeric(19,4) not null,
  total           numeric(19,4) not null,
  is_shipping_fee boolean       not null default false,
  unmatched       boolean       not null default false
);
create index sale_line_sale on sale_line (sale_id, position);

create table sale_payment (
  id                 uuid          primary key,
  sale_id            uuid          not null references sale (id),
  payment_type_id    uuid          not null references payment_type (id),
  amount             numeric(19,4) not null,
  currency           char(3)       not null,
  paid_at            timestamptz   not null,
  register_id        uuid          not null references register (id),
  register_period_id uuid          references register_period (id),
  user_id            uuid
);
create index sale_payment_sale on sale_payment (sale_id);
create index sale_payment_period on sale_payment (register_period_id);
