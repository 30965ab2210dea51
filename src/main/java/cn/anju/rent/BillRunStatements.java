package cn.anju.rent;

/** The set-based statements of a bill run's chunk ({@link BillRuns}), one per kind of charge. */
final class BillRunStatements {

    private BillRunStatements() {
    }

    /**
     * Parameters: the lease id range (twice), the month (standards, reductions, and twice for the period
     * arithmetic), district codes and due days, the run id, the time. The standard and the reduction in force on the
     * first day of the billed month apply to the month's bills (a change takes effect from the next month's bill),
     * so they make one small table of rates joined by key: the chunk is hash joins throughout. The span of a charge starts at the first day not yet
     * billed for the lease (never before the period or the lease), so an earlier bill of the same period is not
     * repeated and a change of state mid-period bills only the rest.
     */
    static final String INSERT = """
            with basis as (
                select b.* from lease_billing_basis b
                 where b.moved_out_on is null and b.lease_id between ? and ?
            ), billed as materialized (
                -- read once, before any insert of this statement: the first day each lease is not yet billed for
                select x.lease_id, max(x.period_end) + 1 as next_day from bill x
                 where x.lease_id between ? and ? and x.charge_type in ('RENT', 'RENT_MARKET') group by x.lease_id
            ), rates as materialized (
                -- per project and rent tier, the standard in force on the first day of the billed month and the
                -- tier's reduction that day (the district's own over the city default); MARKET_OVERSTAY is the
                -- market standard charged after a transition period
                select s.project_id, t.tier as rent_tier, s.yuan_per_sqm,
                       case when t.kind = 'STANDARD' then rd.mode end as mode,
                       case when t.kind = 'STANDARD' then rd.amount end as reduction
                  from (select distinct on (x.project_id, x.kind) x.project_id, x.district_code, x.kind, x.yuan_per_sqm
                          from rent_standard x where x.effective_from <= ?::date
                         order by x.project_id, x.kind, x.effective_from desc) s
                  join (values ('STANDARD', 'STANDARD'), ('REDUCED', 'STANDARD'), ('MINIMUM', 'STANDARD'), ('MARKET', 'MARKET'),
                               ('MARKET_OVERSTAY', 'MARKET')) as t(tier, kind) on t.kind = s.kind
                  left join lateral (select r.mode, r.amount from rent_tier_reduction r
                                      where r.rent_tier = t.tier and r.region_code in (s.district_code, '610800') and r.effective_from <= ?::date
                                      order by (r.region_code = s.district_code) desc, r.effective_from desc limit 1) rd on true
            ), cycles as materialized (
                -- the billing period containing the month, for each cycle (periods align on the calendar year),
                -- and per district its due date when the period is billed from its first day
                select v.cycle, v.months, v.pstart, (v.pstart + v.months * interval '1 month' - interval '1 day')::date as pend,
                       dd.code, dd.day as due_day,
                       make_date(extract(year from v.pstart)::int, extract(month from v.pstart)::int,
                                 least(dd.day, extract(day from v.pstart + interval '1 month' - interval '1 day')::int)) as pstart_due
                  from (select c.cycle, c.months, (date_trunc('year', ?::date)
                                 + ((extract(month from ?::date)::int - 1) / c.months * c.months) * interval '1 month')::date as pstart
                          from (values ('MONTHLY', 1), ('QUARTERLY', 3), ('HALF_YEARLY', 6), ('YEARLY', 12)) as c(cycle, months)) v
                 cross join unnest(?::text[], ?::int[]) as dd(code, day)
            ), spans as (
                select b.*, cy.months, cy.pstart, cy.pend, cy.due_day, cy.pstart_due,
                       greatest(cy.pstart, b.start_date, coalesce(bd.next_day, b.start_date)) as s
                  from basis b
                  join cycles cy on cy.cycle = b.billing_cycle and cy.code = b.district_code
                  left join billed bd on bd.lease_id = b.lease_id
            ), charges as (
                -- rent while the lease runs and through the transition period, market rent after it
                select sp.*, 'RENT' as charge_type, sp.s as cs,
                       least(sp.pend, case when sp.status = 'ACTIVE' then sp.end_date else coalesce(sp.vacate_by, sp.end_date) end) as ce
                  from spans sp
                union all
                select sp.*, 'RENT_MARKET', greatest(sp.s, sp.vacate_by + 1), sp.pend
                  from spans sp where sp.status <> 'ACTIVE' and sp.vacate_by is not null
            ), priced as (
                select c.*, rt.yuan_per_sqm, rt.mode, rt.reduction,
                       case when c.cs = c.pstart and c.ce = c.pend then c.months::numeric   -- a whole period: whole months
                            when date_trunc('month', c.cs) = date_trunc('month', c.ce)
                            then (c.ce - c.cs + 1)::numeric / extract(day from date_trunc('month', c.cs) + interval '1 month' - interval '1 day')::numeric
                            else billing_months(c.cs, c.ce) end as fraction
                  from charges c
                  join rates rt on rt.project_id = c.project_id
                       and rt.rent_tier = case when c.charge_type = 'RENT_MARKET' then 'MARKET_OVERSTAY' else c.rent_tier end
                 where c.ce >= c.cs
            ), ins as (
                insert into bill (lease_id, district_code, project_id, household_id, charge_type, period_start, period_end, due_date,
                                  amount, yuan_per_sqm, rent_area, reduction, months, run_id, created_at)
                select p.lease_id, p.district_code, p.project_id, p.household_id, p.charge_type, p.cs, p.ce,
                       case when p.cs = p.pstart then p.pstart_due
                            else greatest(p.cs, make_date(extract(year from p.cs)::int, extract(month from p.cs)::int,
                                 least(p.due_day, extract(day from date_trunc('month', p.cs) + interval '1 month' - interval '1 day')::int))) end,
                       round(case when p.mode = 'FIXED' then greatest(p.yuan_per_sqm * p.rent_area - p.reduction, 0)
                                  else p.yuan_per_sqm * p.rent_area * (100 - coalesce(p.reduction, 0)) / 100 end * p.fraction, 2),
                       p.yuan_per_sqm, p.rent_area,
                       case when p.reduction is null or p.reduction = 0 then '' when p.mode = 'FIXED' then p.reduction::text
                            else p.reduction::text || '%' end,
                       round(p.fraction, 8), ?, ?
                  from priced p
                on conflict (lease_id, charge_type, period_start) do nothing
                returning id, amount
            )
            select count(*), coalesce(sum(amount), 0), coalesce(string_agg(id || ':' || amount, ',' order by id), '') from ins""";


    /**
     * The month's other charges (property fee, water, electricity, parking) of the same chunk of leases: per open
     * charge, from the first day not yet billed for its type (never before the month, the charge or the lease) to the
     * month's end or the charge's end, whatever the lease's rent cycle; a fixed amount a month or a rate per m² of rent
     * area, × the days covered ÷ the days of the month, rounded once to the fen; due like rent on the district's due
     * day. Parameters: the lease id range (twice), the month (three times), district codes and due days, run id, time.
     */
    static final String CHARGES_INSERT = """
            with basis as (
                select b.* from lease_billing_basis b
                 where b.moved_out_on is null and b.lease_id between ? and ?
            ), billed as materialized (
                select x.lease_id, x.charge_type, max(x.period_end) + 1 as next_day from bill x
                 where x.lease_id between ? and ? and x.account = 'CHARGES' group by x.lease_id, x.charge_type
            ), m as (
                select ?::date as ms, (?::date + interval '1 month' - interval '1 day')::date as me,
                       extract(day from ?::date + interval '1 month' - interval '1 day')::numeric as days
            ), spans as (
                select b.lease_id, b.district_code, b.project_id, b.household_id, b.rent_area, c.charge_type, c.basis, c.amount,
                       greatest(m.ms, c.effective_from, b.start_date, coalesce(bd.next_day, m.ms)) as cs,
                       least(m.me, coalesce(c.effective_to, m.me)) as ce, m.days, dd.day as due_day
                  from basis b
                  join other_charge c on c.lease_id = b.lease_id and c.basis in ('FIXED', 'PER_SQM')
                  cross join m
                  join unnest(?::text[], ?::int[]) as dd(code, day) on dd.code = b.district_code
                  left join billed bd on bd.lease_id = b.lease_id and bd.charge_type = c.charge_type
                 where c.effective_from <= m.me and (c.effective_to is null or c.effective_to >= m.ms)
            ), ins as (
                insert into bill (lease_id, district_code, project_id, household_id, charge_type, period_start, period_end, due_date,
                                  amount, yuan_per_sqm, rent_area, reduction, months, monthly_amount, run_id, created_at)
                select s.lease_id, s.district_code, s.project_id, s.household_id, s.charge_type, s.cs, s.ce,
                       greatest(s.cs, make_date(extract(year from s.cs)::int, extract(month from s.cs)::int, least(s.due_day, s.days::int))),
                       round(case when s.basis = 'FIXED' then s.amount else s.amount * s.rent_area end * (s.ce - s.cs + 1) / s.days, 2),
                       case when s.basis = 'PER_SQM' then s.amount end, case when s.basis = 'PER_SQM' then s.rent_area end, '',
                       round((s.ce - s.cs + 1) / s.days, 8), case when s.basis = 'FIXED' then s.amount end, ?, ?
                  from spans s where s.ce >= s.cs
                on conflict (lease_id, charge_type, period_start) do nothing
                returning id, amount
            )
            select count(*), coalesce(sum(amount), 0), coalesce(string_agg(id || ':' || amount, ',' order by id), '') from ins""";

    /**
     * Metered water and electricity, billed in arrears: in the run for month M, each METERED charge in force during
     * M − 1 bills that month's use as the inspection module's readings give it (view {@code unit_meter_month}) × the
     * unit price, rounded once to the fen, due on the district's due day of M; none until the month's reading is
     * imported (a later nightly run of the month bills it). Parameters: the lease id range, the month (three times),
     * district codes and due days, run id, time.
     */
    static final String METERED_INSERT = """
            with basis as (
                select b.* from lease_billing_basis b
                 where b.moved_out_on is null and b.lease_id between ? and ?
            ), m as (
                select (?::date - interval '1 month')::date as ps, (?::date - interval '1 day')::date as pe, ?::date as m1
            ), spans as (
                select b.lease_id, b.district_code, b.project_id, b.household_id, b.unit_id, c.charge_type, c.amount as price,
                       greatest(m.ps, c.effective_from, b.start_date) as cs, least(m.pe, coalesce(c.effective_to, m.pe)) as ce,
                       m.ps, m.m1, dd.day as due_day
                  from basis b
                  join other_charge c on c.lease_id = b.lease_id and c.basis = 'METERED'
                  cross join m
                  join unnest(?::text[], ?::int[]) as dd(code, day) on dd.code = b.district_code
                 where c.effective_from <= m.pe and (c.effective_to is null or c.effective_to >= m.ps)
            ), used as (
                select s.*, case when s.charge_type = 'WATER' then r.water_m3 else r.electricity_kwh end as quantity
                  from spans s join unit_meter_month r on r.unit_id = s.unit_id and r.month = s.ps
                 where s.ce >= s.cs
            ), ins as (
                insert into bill (lease_id, district_code, project_id, household_id, charge_type, period_start, period_end, due_date,
                                  amount, reduction, months, quantity, unit_price, run_id, created_at)
                select u.lease_id, u.district_code, u.project_id, u.household_id, u.charge_type, u.cs, u.ce,
                       make_date(extract(year from u.m1)::int, extract(month from u.m1)::int,
                                 least(u.due_day, extract(day from u.m1 + interval '1 month' - interval '1 day')::int)),
                       round(u.quantity * u.price, 2), '', 1, u.quantity, u.price, ?, ?
                  from used u
                on conflict (lease_id, charge_type, period_start) do nothing
                returning id, amount
            )
            select count(*), coalesce(sum(amount), 0), coalesce(string_agg(id || ':' || amount, ',' order by id), '') from ins""";
}
