-- ShedLock's lock table: one row per scheduled job, so a job runs on one node at a time.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- The day the household was reminded to apply for renewal, so each lease is reminded once.
alter table lease add column renewal_reminded_on date;
