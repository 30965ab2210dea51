-- Issue 21: the monitoring platform (监测平台). Each night every measure of the shared interface is taken per project
-- and per district (project_id 0: the whole district, records not placed in a project included) and written once:
-- a day's figures never change afterwards, so dashboards of past days and their trends are history, not recomputation.
-- A RANGE measure is taken for the month to date and the year to date; an AS_OF measure for the day.
create table monitoring_snapshot (
    day           date        not null,
    district_code char(6)     not null references district (code),
    project_id    bigint      not null, -- 0: the whole district
    measure_code  text        not null check (measure_code ~ '^[A-Z][A-Z0-9_]*$'),
    period        text        not null check (period in ('DAY', 'MONTH', 'YEAR')),
    value         numeric,    -- a count, an amount, a breakdown's total
    numerator     numeric,
    denominator   numeric,
    breakdown     jsonb,      -- [{"category": …, "label": …, "count": …}]
    record_ids    bigint[],   -- the problem lists only: exactly the records counted that day
    record_labels text[],     -- and how each is named (an order number, a unit's place: never a person)
    backfilled    boolean     not null, -- computed later from dated records, not on the day itself
    taken_at      timestamptz not null,
    primary key (day, measure_code, period, district_code, project_id)
);
create index monitoring_snapshot_place_idx on monitoring_snapshot (district_code, project_id, measure_code, period, day);

-- Written once: a snapshot row is never updated or deleted.
create function monitoring_snapshot_written_once() returns trigger language plpgsql as $$
begin
    raise exception 'monitoring_snapshot rows are written once and never changed (day %, %)', old.day, old.measure_code;
end $$;
create trigger monitoring_snapshot_immutable before update or delete on monitoring_snapshot
    for each row execute function monitoring_snapshot_written_once();

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'monitoring.alert.collection-rate-min', '0.95', '2000-01-01T00:00:00Z', null, '预警：本年租金收缴率低于该值'),
    ('610800', 'monitoring.alert.overdue-work-orders-max', '5', '2000-01-01T00:00:00Z', null, '预警：一个项目超期未完工工单多于该数'),
    ('610800', 'monitoring.alert.vacant-over-6-months-max', '0', '2000-01-01T00:00:00Z', null, '预警：一个项目空置超6个月的房源多于该数');
