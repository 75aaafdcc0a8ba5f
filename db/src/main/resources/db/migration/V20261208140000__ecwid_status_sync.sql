-- Status changes taken in from Ecwid (STS-1..4). The newest version of an imported order records where the platform
-- says it is, in Storeline's words (its payment, its goods), the payment type a payment it reports is recorded with,
-- and the webhook delivery it came with; it stays due until that state is applied to the sale, which happens in a
-- transaction of its own right after the import's (a cancellation may call a payment processor for its refund). A
-- process that dies in between leaves it due, and the next reconciliation pass applies it.
alter table channel_order add column progress_payment varchar
  check (progress_payment in ('awaiting', 'paid', 'partially_refunded', 'refunded', 'cancelled', 'other'));
alter table channel_order add column progress_fulfillment varchar
  check (progress_fulfillment in ('awaiting', 'processing', 'ready_for_pickup', 'out_for_delivery', 'shipped',
                                  'delivered', 'will_not_deliver', 'returned', 'other'));
alter table channel_order add column progress_payment_type_id uuid references payment_type (id);
alter table channel_order add column progress_delivery_id uuid;
alter table channel_order add column progress_due boolean not null default false;
create index channel_order_progress_due on channel_order (store_id, platform_updated_at) where progress_due;
