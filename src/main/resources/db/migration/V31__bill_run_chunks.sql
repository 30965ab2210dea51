-- Each committed chunk of a bill run, written in the chunk's own transaction: a run killed half way is resumed from
-- the chunk after its last one, and its totals and digest are the sums and the hash chain of all its chunks, so every
-- bill belongs to exactly one finished run that covers it.
create table bill_run_chunk (
    run_id       bigint         not null references bill_run (id),
    first_lease  bigint         not null,
    last_lease   bigint         not null,
    bills        int            not null,
    total        numeric(14, 2) not null,
    charge_bills int            not null,
    charge_total numeric(14, 2) not null,
    chain        char(64)       not null,
    committed_at timestamptz    not null,
    primary key (run_id, last_lease)
);

-- Runs left unfinished by the code before this one kept no chunk records: what they wrote becomes one chunk before
-- every lease, so that their resumption counts it and does not bill it again.
insert into bill_run_chunk (run_id, first_lease, last_lease, bills, total, charge_bills, charge_total, chain, committed_at)
select r.id, -1, -1,
       count(b.id) filter (where b.account = 'RENT'), coalesce(sum(b.amount) filter (where b.account = 'RENT'), 0),
       count(b.id) filter (where b.account = 'CHARGES'), coalesce(sum(b.amount) filter (where b.account = 'CHARGES'), 0),
       encode(sha256(convert_to(coalesce(string_agg(b.id || ':' || b.amount, ',' order by b.id), ''), 'UTF8')), 'hex'),
       r.started_at
  from bill_run r left join bill b on b.run_id = r.id
 where r.finished_at is null
 group by r.id, r.started_at;
