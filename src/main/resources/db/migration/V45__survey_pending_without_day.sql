-- A waiting answer keeps no day: answers are dated by their batch, so the day an answer was given is stored nowhere.
alter table survey_answer_pending drop column answered_on;
