package cn.anju.rent;

/** The set-based statements of a bill run's chunk ({@link BillRuns}), one per kind of charge. */
final class BillRunStatements {

    private BillRunStatements() {
    }

    /**
     * Parameters: the run's month, the lease id range (twice), district codes and due days, the run id, the time.
     * One rounding rule (docs/rent.md): the monthly rent of a calendar month is M = round(rate × area × tier factor, 2)
     * with the standard and the reduction in force on that month's first day; a whole month bills M, a part month
     * round(M × days ÷ days of the month, 2), and a bill over several months is the sum of its month pieces, each kept
     * as a printed line (arrays on the bill, view {@code bill_printed_line}). The rates of the run's year make one small table joined by key: the chunk is
     * hash joins throughout. The span of a charge starts at the first day not yet billed for the lease (never before
     * the period or the lease), so an earlier bill of the same period is not repeated and a change of state mid-period
     * bills only the rest; a bill is made only when every month of it has a standard in force.
     */
    static final String INSERT = """
            with run as (
                select ?::date as month
            ), basis as (
                select b.* from lease_billing_basis b
                 where b.moved_out_on is null and b.lease_id between ? and ?
            ), billed as materialized (
                -- read once, before any insert of this statement: the first day each lease is not yet billed for
                select x.lease_id, max(x.period_end) + 1 as next_day from bill x
                 where x.lease_id between ? and ? and x.charge_type in ('RENT', 'RENT_MARKET') group by x.lease_id
            ), rates as materialized (
                -- per project and rent tier, the rate in force on the first day of the run's month (rent_rate): one
                -- small table joined by key for every charge inside that month, the bulk of every run
                select p.project_id, t.tier as rent_tier, rr.yuan_per_sqm, rr.mode, rr.reduction, rr.reduction_text
                  from (select distinct x.project_id from rent_standard x) p
                 cross join (values ('STANDARD'), ('REDUCED'), ('MINIMUM'), ('MARKET'), ('MARKET_OVERSTAY')) t(tier)
                 cross join run
                 cross join lateral rent_rate(p.project_id, t.tier, run.month) rr
            ), cycles as materialized (
                -- the billing period containing the month, for each cycle (periods align on the calendar year),
                -- and per district its due date when the period is billed from its first day
                select v.cycle, v.months, v.pstart, (v.pstart + v.months * interval '1 month' - interval '1 day')::date as pend,
                       dd.code, dd.day as due_day,
                       make_date(extract(year from v.pstart)::int, extract(month from v.pstart)::int,
                                 least(dd.day, extract(day from v.pstart + interval '1 month' - interval '1 day')::int)) as pstart_due
                  from (select c.cycle, c.months, (date_trunc('year', run.month)
                                 + ((extract(month from run.month)::int - 1) / c.months * c.months) * interval '1 month')::date as pstart
                          from run, (values ('MONTHLY', 1), ('QUARTERLY', 3), ('HALF_YEARLY', 6), ('YEARLY', 12)) as c(cycle, months)) v
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
            ), bills as (
                -- a charge inside the run's month is priced from the rates table; any other (several months, or one
                -- month of a longer period) is the sum of its month pieces at each month's rate, and is billed only
                -- when every month of it has a standard in force
                select c.lease_id, c.district_code, c.project_id, c.household_id, c.charge_type, c.cs, c.ce, c.pstart, c.pstart_due,
                       c.due_day, c.rent_area,
                       coalesce(rt.yuan_per_sqm, multi.rates[1]) as yuan_per_sqm, coalesce(rt.reduction_text, multi.reductions[1]) as reduction,
                       coalesce(monthly_rent(rt.yuan_per_sqm, c.rent_area, rt.mode, rt.reduction), multi.monthlies[1]) as monthly,
                       coalesce(rent_piece(monthly_rent(rt.yuan_per_sqm, c.rent_area, rt.mode, rt.reduction), c.cs, c.ce), multi.amount) as amount,
                       coalesce(multi.fraction, (c.ce - c.cs + 1)::numeric
                                / extract(day from date_trunc('month', c.cs::timestamp) + interval '1 month' - interval '1 day')::numeric) as fraction,
                       case when cardinality(multi.amounts) > 1 then multi.rates end as rates,
                       case when cardinality(multi.amounts) > 1 then multi.reductions end as reductions,
                       case when cardinality(multi.amounts) > 1 then multi.monthlies end as monthlies,
                       case when cardinality(multi.amounts) > 1 then multi.amounts end as amounts
                  from charges c
                 cross join run
                  left join rates rt on rt.project_id = c.project_id
                       and rt.rent_tier = case when c.charge_type = 'RENT_MARKET' then 'MARKET_OVERSTAY' else c.rent_tier end
                       and date_trunc('month', c.cs::timestamp) = run.month and date_trunc('month', c.ce::timestamp) = run.month
                  left join lateral (
                      select sum(p.piece) as amount, sum((p.pe - p.ps + 1)::numeric / p.dim) as fraction,
                             array_agg(p.yuan_per_sqm order by p.m) as rates, array_agg(p.reduction_text order by p.m) as reductions,
                             array_agg(p.monthly order by p.m) as monthlies, array_agg(p.piece order by p.m) as amounts,
                             count(p.yuan_per_sqm) = count(*) as complete
                        from (select g.m, g.ps, g.pe, g.dim, rr.yuan_per_sqm, rr.reduction_text,
                                     monthly_rent(rr.yuan_per_sqm, c.rent_area, rr.mode, rr.reduction) as monthly,
                                     rent_piece(monthly_rent(rr.yuan_per_sqm, c.rent_area, rr.mode, rr.reduction), g.ps, g.pe) as piece
                                from (select x.at::date as m, greatest(c.cs, x.at::date) as ps,
                                             least(c.ce, (x.at + interval '1 month' - interval '1 day')::date) as pe,
                                             extract(day from x.at + interval '1 month' - interval '1 day')::int as dim
                                        from generate_series(date_trunc('month', c.cs::timestamp), c.ce::timestamp, interval '1 month') x(at)) g
                                left join lateral rent_rate(c.project_id,
                                          case when c.charge_type = 'RENT_MARKET' then 'MARKET_OVERSTAY' else c.rent_tier end, g.m) rr on true) p
                       where date_trunc('month', c.cs::timestamp) <> run.month or date_trunc('month', c.ce::timestamp) <> run.month
                  ) multi on true
                 where c.ce >= c.cs and (rt.yuan_per_sqm is not null or (multi.amount is not null and multi.complete))
            ), ins as (
                insert into bill (lease_id, district_code, project_id, household_id, charge_type, period_start, period_end, due_date,
                                  amount, yuan_per_sqm, rent_area, reduction, months, monthly_amount,
                                  line_rates, line_reductions, line_monthly, line_amounts, run_id, created_at)
                select p.lease_id, p.district_code, p.project_id, p.household_id, p.charge_type, p.cs, p.ce,
                       case when p.cs = p.pstart then p.pstart_due
                            else greatest(p.cs, make_date(extract(year from p.cs)::int, extract(month from p.cs)::int,
                                 least(p.due_day, extract(day from date_trunc('month', p.cs) + interval '1 month' - interval '1 day')::int))) end,
                       p.amount, p.yuan_per_sqm, p.rent_area, p.reduction, round(p.fraction, 8), p.monthly,
                       p.rates, p.reductions, p.monthlies, p.amounts, ?, ?
                  from bills p
                on conflict (lease_id, charge_type, period_start) do nothing
                returning id, amount
            )
            select count(*), coalesce(sum(amount), 0), coalesce(string_agg(id || ':' || amount, ',' order by id), '') from ins""";

    /**
     * The same without {@code ON CONFLICT}: a chunk starts at each lease's first unbilled day, so only another run
     * writing the same leases at the same moment can collide, and a plain insert (no speculative insertion per row)
     * is the cheaper common case. On a unique violation the chunk is rolled back and done again with {@link #INSERT}.
     */
    static final String INSERT_UNCONTENDED = INSERT.replace("on conflict (lease_id, charge_type, period_start) do nothing", "");

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
