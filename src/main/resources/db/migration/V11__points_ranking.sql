-- Points ranking (积分排序): a round may rank by a published points table instead of priority groups; ties are
-- broken by the same re-checkable lottery. The table is published with the applicant list, the points in it.
alter table selection_round drop constraint selection_round_method_check;
alter table selection_round add constraint selection_round_method_check check (method in ('LOTTERY', 'POINTS'));
alter table selection_round add column points_table jsonb;
alter table selection_applicant add column points int check (points >= 0);
