-- One sender per channel across all server processes (core.sync.ChannelSenders): the process whose sync worker sends
-- a channel's tasks holds this row until lease_until, renewing it before each round; another takes it over only once
-- it ran out. With the row goes what the channel's rate budget needs across a handover: the times of the requests
-- recently sent (enough for the longest window), saved after each round and on release. A holder that stopped
-- mid-round (sending still true) may have sent more than it saved: its successor takes the budget as spent when the
-- lease ran out (spent_until), until it saves a history of its own.
create table sync_channel_sender (
    channel_id      uuid primary key references channel (id) on delete cascade,
    holder          text not null,
    held_since      timestamptz not null,
    lease_until     timestamptz not null,
    sending         boolean not null,
    recent_requests timestamptz[] not null default '{}',
    spent_until     timestamptz
);
