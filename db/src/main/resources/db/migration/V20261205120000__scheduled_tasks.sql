-- The table db-scheduler (com.github.kagkarlsson:db-scheduler) keeps its executions in: periodic jobs that must run
-- once across every server process on this database (reconciliation) are claimed here, one process at a time.
-- Its layout is the library's own for PostgreSQL; the columns the library added later (state, a nullable
-- execution_time) are here already so that an upgrade of the library needs no migration. The key columns are
-- varchar rather than text only because the build's schema simulation (for jOOQ's code) cannot index text.
create table scheduled_tasks (
    task_name            varchar(250)             not null,
    task_instance        varchar(250)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
