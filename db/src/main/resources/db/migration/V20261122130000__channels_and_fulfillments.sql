-- Channels (connected online stores), their webhook inbox and activity log, imported orders,
-- fulfillments and notifications. Secrets are stored encrypted (AES-256-GCM) with the id of the key.

create table channel (
  id                    uuid        primary key,
  platform              varchar     not null check (platform in ('shopify', 'woocommerce', 'bigcommerce', 'ecwid', 'lightspeed_ecom')),
  name                  varchar     not null,
  base_url              varchar     not null,
  credentials           bytea       not null,
  webhook_secret        bytea       not null,
  key_id                varchar     not null,
  register_id           uuid        not null references register (id),
  notifications         boolean     not null,
  connection_status     varchar     not null check (connection_status in ('pending', 'connected', 'failed')),
  connection_detail     varchar     not null default '',
  connection_checked_at timestamptz,
  reconciled_until      timestamptz,
  created_at            timestamptz not null
);

-- The channel's outlets, in the order the owner gave them (ALC-3 tries them in this order).
create table channel_outlet (
  channel_id uuid    not null references channel (id),
  outlet_id  uuid    not null references outlet (id),
  position   integer not null,
  primary key (channel_id, outlet_id)
);

-- ALC-2: a shipping method (a pickup location, say) fulfilled by one outlet.
create table channel_shipping_method (
  channel_id  uuid    not null references channel (id),
  method_name varchar not null,
  outlet_id   uuid    not null references outlet (id),
  primary key (channel_id, method_name)
);

-- Every verified webhook delivery, stored raw before it is acknowledged; workers claim rows with a lease.
create table webhook_delivery (
  id                uuid        primary key,
  channel_id        uuid        not null references channel (id),
  received_at       timestamptz not null,
  headers           varchar     not null,
  query             varchar     not null default '',
  body              bytea       not null,
  status            varchar     not null check (status in ('pending', 'processing', 'done', 'ignored', 'failed')),
  attempts          integer     not null default 0,
  available_at      timestamptz not null,
  locked_until      timestamptz,
  external_order_id varchar,
  last_error        varchar,
  processed_at      timestamptz
);
create index webhook_delivery_ready on webhook_delivery (available_at) where status in ('pending', 'processing');
create index webhook_delivery_channel on webhook_delivery (channel_id, received_at);

-- One row per platform order that became a sale: the key that makes imports exactly-once.
create table channel_order (
  channel_id          uuid        not null references channel (id),
  external_order_id   varchar     not null,
  sale_id             uuid        not null,
  platform_updated_at timestamptz not null,
  platform_status     varchar     not null,
  imported_at         timestamptz not null,
  primary key (channel_id, external_order_id)
);

-- Lines matched by SKU teach us the platform's product/variant id, so later lines without SKU still match.
create table channel_product_link (
  channel_id   uuid    not null references channel (id),
  platform_key varchar not null,
  product_id   uuid    not null references product (id),
  primary key (channel_id, platform_key)
);

create table channel_activity (
  id                uuid        primary key,
  channel_id        uuid        not null references channel (id),
  created_at        timestamptz not null,
  kind              varchar     not null check (kind in ('delivery', 'fetch', 'import', 'registration', 'reconciliation')),
  outcome           varchar     not null check (outcome in ('accepted', 'rejected', 'imported', 'skipped', 'not_applied', 'ignored', 'failed', 'succeeded')),
  external_order_id varchar,
  delivery_id       uuid,
  sale_id           uuid,
  reason            varchar     not null default '',
  retryable         boolean     not null default false,
  retried_at        timestamptz
);
create index channel_activity_channel on channel_activity (channel_id, id);

alter table sale_line add column is_adjustment boolean not null default false;
alter table sale_line add column platform_line_id varchar;
create unique index sale_channel_order on sale (channel_id, external_order_id) where channel_id is not null;
create index sale_external_number on sale (external_order_number) where external_order_number is not null;

create table fulfillment (
  id               uuid        primary key,
  sale_id          uuid        not null references sale (id),
  outlet_id        uuid        not null references outlet (id),
  type             varchar     not null check (type in ('delivery', 'pickup')),
  status           varchar     not null check (status in ('new', 'in_progress', 'packed', 'shipped', 'picked_up', 'cancelled')),
  created_at       timestamptz not null,
  assigned_user_id uuid
);
create index fulfillment_outlet_status on fulfillment (outlet_id, status, id);
create index fulfillment_sale on fulfillment (sale_id);

create table fulfillment_item (
  fulfillment_id uuid    not null references fulfillment (id),
  line_id        uuid    not null references sale_line (id),
  position       integer not null,
  quantity       bigint  not null,
  picked         bigint  not null default 0,
  primary key (fulfillment_id, line_id)
);

create table notification (
  id             uuid        primary key,
  user_id        uuid        not null references app_user (id),
  outlet_id      uuid        not null references outlet (id),
  fulfillment_id uuid        references fulfillment (id),
  sale_id        uuid        references sale (id),
  message        varchar     not null,
  created_at     timestamptz not null,
  read_at        timestamptz
);
create index notification_user on notification (user_id, id);
