-- Patrols (巡查): plans over projects or buildings with a checklist and a frequency, made by an operator manager or a
-- government officer; tasks made by schedule (one per plan and due day); each item's result with note, photos, time
-- and, when the device gave it, the place. A failed item becomes a work order or a violation case in one step.
create table patrol_plan (
    id            bigint generated always as identity primary key,
    district_code char(6)     not null references district (code),
    project_id    bigint      not null references project (id),
    building_id   bigint      references building (id),
    name          text        not null,
    every_days    int         not null check (every_days between 1 and 366),
    checklist     text[]      not null check (cardinality(checklist) between 1 and 50),
    first_due_on  date        not null,
    next_due_on   date        not null,
    active        boolean     not null default true,
    created_by    bigint      not null references app_user (id),
    created_at    timestamptz not null
);
create index patrol_plan_due_idx on patrol_plan (next_due_on) where active;

create table patrol_task (
    id            bigint generated always as identity primary key,
    plan_id       bigint      not null references patrol_plan (id),
    district_code char(6)     not null references district (code),
    project_id    bigint      not null references project (id),
    due_on        date        not null,
    deadline      date        not null,           -- the last day it counts as done: due day + the plan's days − 1
    state         text        not null check (state in ('PENDING', 'DONE', 'MISSED')),
    inspector_id  bigint      references app_user (id),
    started_at    timestamptz,
    done_at       timestamptz,
    latitude      numeric(9, 6),
    longitude     numeric(9, 6),
    unique (plan_id, due_on),
    check (deadline >= due_on)
);
create index patrol_task_scope_idx on patrol_task (district_code, project_id, due_on);

create table patrol_item_result (
    id            bigint generated always as identity primary key,
    task_id       bigint      not null references patrol_task (id),
    item_no       int         not null,
    item          text        not null,
    result        text        not null check (result in ('PASS', 'FAIL')),
    note          text,
    recorded_at   timestamptz not null,
    work_order_id bigint      references work_order (id),
    case_id       bigint      references violation_case (id),
    unique (task_id, item_no)
);

create table patrol_photo (
    id             bigint generated always as identity primary key,
    result_id      bigint      not null references patrol_item_result (id),
    file_key       text        not null,
    sha256         char(64)    not null,
    size_bytes     bigint      not null,
    content_type   text        not null,
    original_name  text        not null,
    taken_at       timestamptz not null
);
create index patrol_photo_result_idx on patrol_photo (result_id);
