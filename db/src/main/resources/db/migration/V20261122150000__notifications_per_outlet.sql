-- A notification is written once per fulfillment, for its outlet, instead of once per user: every user
-- permitted for the outlet sees it (NTF-2 is decided when reading, with the permissions the user has then),
-- and a shop with many staff does not multiply the writes of every online order. What a user has read is
-- kept apart.
drop table notification;

create table notification (
  id             uuid        primary key,
  outlet_id      uuid        not null references outlet (id),
  fulfillment_id uuid,
  sale_id        uuid,
  message        varchar     not null,
  created_at     timestamptz not null
);
create index notification_outlet on notification (outlet_id, id);

create table notification_read (
  user_id         uuid        not null references app_user (id),
  notification_id uuid        not null references notification (id),
  read_at         timestamptz not null,
  primary key (user_id, notification_id)
);

-- Only deliveries still waiting are looked up by channel (the health view): the finished ones need no entry.
drop index webhook_delivery_channel;
create index webhook_delivery_channel_waiting on webhook_delivery (channel_id, received_at) where status in ('pending', 'processing');
