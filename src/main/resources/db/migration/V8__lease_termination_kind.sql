-- Why a lease ended early, as a closed list, beside the free-text reason. Leases ended before this column
-- existed keep a null kind rather than a guessed one.
alter table lease add column termination_kind text
    check (termination_kind in ('VOLUNTARY', 'ELIGIBILITY_REVOKED', 'VIOLATION', 'ARREARS'));
