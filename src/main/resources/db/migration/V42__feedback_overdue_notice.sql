-- The deadline an overdue notice was last sent about, so the operator's managers hear of each missed deadline once
-- (a later deadline, after a pause or a supervision, is a new one).
alter table feedback_case add column overdue_noticed_due date;
