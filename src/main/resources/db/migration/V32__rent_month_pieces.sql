-- One rounding rule, printed (docs/rent.md). The monthly rent in force in a calendar month is
-- M = round_half_up(rate × area × tier factor, 2), the figure the contract prints; a whole month bills M, a part
-- month round_half_up(M × days ÷ days in the month, 2); a bill over several months is the sum of its month pieces.
-- A rent bill inside one month is its own line (monthly_amount = M, its days from its period); a bill over several
-- months keeps its lines with it, one array element per month from the month of its start (written by the same
-- statement as the bill, never changed).
alter table bill add column line_rates      numeric(8, 2)[];
alter table bill add column line_reductions text[];
alter table bill add column line_monthly    numeric(12, 2)[];
alter table bill add column line_amounts    numeric(12, 2)[];

-- The rule in SQL, as small functions the planner inlines (RentMath.monthlyRent and RentMath.piece in Java).
create function monthly_rent(rate numeric, area numeric, mode text, reduction numeric) returns numeric
    language sql immutable parallel safe as $$
    select round(case when mode = 'FIXED' then greatest(rate * area - reduction, 0)
                      else rate * area * (100 - coalesce(reduction, 0)) / 100 end, 2)
$$;
create function rent_piece(monthly numeric, ps date, pe date) returns numeric
    language sql immutable parallel safe as $$
    select case when pe - ps + 1 = extract(day from date_trunc('month', ps::timestamp) + interval '1 month' - interval '1 day')::int
                then monthly
                else round(monthly * (pe - ps + 1) / extract(day from date_trunc('month', ps::timestamp) + interval '1 month' - interval '1 day'), 2) end
$$;

-- The rate of a tier in a project on a day: the standard of its kind in force (STANDARD for the standard, reduced
-- and minimum tiers, MARKET for the market tier and for market rent after a transition period) and, for the standard
-- kind, the tier's reduction in force (the district's own over the city default 610800). The bill run and the
-- lease's quote both read it, so the contract and the bill agree.
create function rent_rate(project bigint, tier text, day date)
    returns table (yuan_per_sqm numeric, mode text, reduction numeric, reduction_text text)
    language sql stable parallel safe as $$
    select s.yuan_per_sqm, rd.mode, rd.amount,
           case when rd.amount is null or rd.amount = 0 then '' when rd.mode = 'FIXED' then rd.amount::text
                else rd.amount::text || '%' end
      from (select x.yuan_per_sqm, x.district_code from rent_standard x
             where x.project_id = project and x.effective_from <= day
               and x.kind = case when tier in ('MARKET', 'MARKET_OVERSTAY') then 'MARKET' else 'STANDARD' end
             order by x.effective_from desc limit 1) s
      left join lateral (select r.mode, r.amount from rent_tier_reduction r
                          where tier not in ('MARKET', 'MARKET_OVERSTAY') and r.rent_tier = tier
                            and r.region_code in (s.district_code, '610800') and r.effective_from <= day
                          order by (r.region_code = s.district_code) desc, r.effective_from desc limit 1) rd on true
$$;

-- Every printed line of the rent bills made under this rule; anyone can recompute a bill from its lines:
-- amount = Σ line amounts, each line = M (a whole month) or round(M × days ÷ days_in_month, 2).
create view bill_printed_line as
with lines as (
    select b.id as bill_id, b.period_start, b.period_end, b.rent_area, x.rate, x.reduction, x.monthly, x.amount,
           (date_trunc('month', b.period_start::timestamp) + (x.i - 1) * interval '1 month')::date as month
      from bill b
     cross join lateral unnest(b.line_rates, b.line_reductions, b.line_monthly, b.line_amounts)
           with ordinality as x(rate, reduction, monthly, amount, i)
     where b.line_amounts is not null
    union all
    select b.id, b.period_start, b.period_end, b.rent_area, b.yuan_per_sqm, b.reduction, b.monthly_amount, b.amount,
           date_trunc('month', b.period_start::timestamp)::date
      from bill b
     where b.charge_type in ('RENT', 'RENT_MARKET') and b.monthly_amount is not null and b.line_amounts is null
)
select l.bill_id, l.month, greatest(l.period_start, l.month) as period_start,
       least(l.period_end, (l.month + interval '1 month' - interval '1 day')::date) as period_end,
       extract(day from l.month + interval '1 month' - interval '1 day')::int as days_in_month,
       l.rate as yuan_per_sqm, l.rent_area, l.reduction, l.monthly as monthly_rent, l.amount
  from lines l;
