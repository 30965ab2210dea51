-- Issue 20: the sources of the remaining public items. A procurement is announced (采购公告) and later awarded
-- (采购结果): two items of one record, so the announcement is a kind of its own beside the award.
alter table disclosure_item drop constraint disclosure_item_type_check;
alter table disclosure_item add constraint disclosure_item_type_check
    check (type in ('PROCUREMENT_NOTICE', 'PROCUREMENT_AWARD', 'CONTRACT', 'EVALUATION', 'SETTLEMENT', 'RENT_STANDARD',
                    'SELECTION_RESULT', 'STATISTICS', 'CHANNELS'));
