-- The fulfillment workflow (FUL-2..5, 7, 8) and the Scanner (SCN-1..3).

-- Tracking given when a delivery is shipped (FUL-5); it is also appended to the sale's note.
alter table fulfillment add column tracking_number  varchar;
alter table fulfillment add column tracking_company varchar;
alter table fulfillment add column tracking_url     varchar;

-- Fulfillment notes written with the Scanner (FUL-8), oldest first.
create table fulfillment_note (
  id             uuid        primary key,
  fulfillment_id uuid        not null references fulfillment (id),
  text           varchar     not null,
  user_id        uuid,
  created_at     timestamptz not null
);
create index fulfillment_note_fulfillment on fulfillment_note (fulfillment_id, id);

-- The Fulfillments page lists the open ones oldest first. Completed ones pile up at the old end of the id order, so
-- an index of the open ones alone keeps the first page cheap however many were shipped before.
create index fulfillment_open on fulfillment (id) where status in ('new', 'in_progress', 'packed');
create index fulfillment_assigned_user on fulfillment (assigned_user_id, id) where assigned_user_id is not null;
