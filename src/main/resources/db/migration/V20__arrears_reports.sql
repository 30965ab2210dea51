-- The rent module's reports of households at the arrears threshold (rent.arrears_case_months × monthly rent of
-- overdue principal): one per lease while its arrears stay at or above the threshold; when they fall below, the
-- report is cleared and a later rise is reported again.
create table arrears_report (
    lease_id          bigint         primary key references lease (id),
    reported_on       date           not null,
    overdue_principal numeric(12, 2) not null,
    cleared_on        date
);
