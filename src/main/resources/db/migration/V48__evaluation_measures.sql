-- The deadlines the evaluation's on-time measures count against (MOVE_IN_ON_TIME_RATE, MOVE_OUT_ON_TIME_RATE,
-- EVIDENCE_ON_TIME_RATE), as policy with history per region like every other deadline; 610800 is the city default.
insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'evaluation.move-in-days', '30', '2000-01-01T00:00:00Z', null, '签约后30日内办理入住交接（按时入住率）'),
    ('610800', 'evaluation.move-out-days', '15', '2000-01-01T00:00:00Z', null, '应腾退之日后15日内办结退房交接和结算（按时退房结算率）'),
    ('610800', 'evaluation.evidence-working-days', '5', '2000-01-01T00:00:00Z', null, '发现违规后5个工作日内连同证据上报（违规证据按时上报率）');

-- DAYS_TO_RELET looks up, for each move-in, the latest move-out on the same unit.
create index lease_unit_moved_out_idx on lease (unit_id, moved_out_on) where moved_out_on is not null;
