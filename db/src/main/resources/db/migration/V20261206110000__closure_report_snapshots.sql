-- PAY-1: every payment recorded on a register is in exactly one closure report, and a closed period's report
-- never changes.
--
-- A payment recorded while its register is closed (an online order imported at night) is stored without a
-- period; the register's next period takes it in when it opens and counts it in carried_over.
-- At closing, the report is stored: its totals by payment type in register_closure_total (one row per payment type
-- and currency, with the type's name, kind and processor as they were), and the expected cash on the period.
-- A table rather than a jsonb document: amounts stay exact numerics with their currency, kinds stay checked, and a
-- report over many closures (by outlet, by month) is a plain SUM ... GROUP BY.
alter table register_period add column carried_over  integer       not null default 0;
alter table register_period add column expected_cash numeric(19,4);

create table register_closure_total (
  register_period_id uuid          not null references register_period (id),
  payment_type_id    uuid          not null references payment_type (id),
  currency           char(3)       not null,
  name               varchar       not null,
  kind               varchar       not null check (kind in ('cash', 'card', 'bank_deposit', 'cheque', 'integrated', 'other')),
  processor          varchar,
  payment_count      integer       not null,
  total              numeric(19,4) not null,
  primary key (register_period_id, payment_type_id, currency)
);

-- Closure reports over a time range, for every register.
create index register_period_closed on register_period (closed_at) where closed_at is not null;
-- The payments an opening register takes in: few rows per register, found without reading the others.
create index sale_payment_unassigned on sale_payment (register_id) where register_period_id is null;

-- Payments recorded before this version while their register was closed (online sales only) go to the register's
-- first period opened after they were recorded (their sale's creation: they were written with it), if there is
-- one; the others wait for the next opening. Then every period already closed gets its stored report.
-- jOOQ's schema simulation has no use for the data.
-- [jooq ignore start]
with waiting as (
  select p.id,
         (select rp.id from register_period rp
           where rp.register_id = p.register_id and rp.opened_at >= s.created_at
           order by rp.opened_at limit 1) as period_id
  from sale_payment p
  join sale s on s.id = p.sale_id
  where p.register_period_id is null
), assigned as (
  update sale_payment p set register_period_id = w.period_id
  from waiting w
  where p.id = w.id and w.period_id is not null
  returning p.register_period_id
)
update register_period rp set carried_over = c.n
from (select register_period_id, count(*) as n from assigned group by register_period_id) c
where rp.id = c.register_period_id;

insert into register_closure_total
  (register_period_id, payment_type_id, currency, name, kind, processor, payment_count, total)
select p.register_period_id, t.id, p.currency, t.name, t.kind, t.processor, count(*), sum(p.amount)
from sale_payment p
join payment_type t on t.id = p.payment_type_id
join register_period rp on rp.id = p.register_period_id
where rp.closed_at is not null
group by p.register_period_id, t.id, p.currency, t.name, t.kind, t.processor;

update register_period rp set expected_cash = rp.opening_float + coalesce(
  (select sum(c.total) from register_closure_total c
    where c.register_period_id = rp.id and c.kind = 'cash' and c.currency = rp.currency), 0)
where rp.closed_at is not null;
-- [jooq ignore stop]

-- A closed period has its report; an open one has none yet.
alter table register_period add constraint register_period_closed_with_report
  check ((closed_at is null) = (expected_cash is null));
