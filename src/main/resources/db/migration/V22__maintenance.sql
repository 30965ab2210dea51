-- Maintenance of common parts and shared facilities (维修养护, DOMAIN.md 2.3). A work order comes from a tenant, a
-- patrol, the hotline, staff or a preventive schedule; the scope guard decides on its structured work type (never on
-- words): construction work and a tenant's own repairs are refused with the reason, the owner's duties inside a unit
-- are referred to the government. States and their changes are the transition table in WorkOrderState.
create table work_order (
    id              bigint generated always as identity primary key,
    order_number    text           not null unique,
    district_code   char(6)        not null references district (code),
    project_id      bigint         not null references project (id),
    building_id     bigint         references building (id),
    unit_id         bigint         references unit (id),
    facility_id     bigint         references shared_facility (id),
    household_id    bigint         references household (id),     -- a tenant's request: whose
    source          text           not null check (source in ('TENANT', 'PATROL', 'HOTLINE', 'STAFF', 'PREVENTIVE')),
    category        text           not null check (category in ('ELEVATOR', 'WATER_SUPPLY', 'DRAINAGE', 'ELECTRICAL', 'LIGHTING',
                                                               'FIRE_SAFETY', 'ROOF_WATERPROOFING', 'DOORS_ACCESS', 'CORRIDORS_STAIRS',
                                                               'ROADS_GREENERY', 'OTHER')),
    location_kind   text           not null check (location_kind in ('COMMON', 'IN_UNIT')),
    work_type       text           check (work_type in ('REPAIR', 'SERVICING', 'NEW_CONSTRUCTION', 'ALTERATION', 'EXTENSION',
                                                        'DECORATION', 'DEMOLITION', 'RENOVATION', 'TENANT_DUTY', 'OWNER_DUTY')),
    priority        text           not null default 'NORMAL' check (priority in ('URGENT', 'NORMAL')),
    state           text           not null check (state in ('SUBMITTED', 'ACCEPTED', 'REFUSED', 'REFERRED', 'DISPATCHED', 'ON_SITE',
                                                             'COMPLETED', 'CONFIRMED', 'REOPENED')),
    description     text           not null,
    place           text,
    guard_reason    text,          -- why refused or referred, in Chinese
    submitted_by    bigint         references app_user (id),
    submitted_at    timestamptz    not null,
    onsite_due_at   timestamptz,
    done_due_at     timestamptz,
    dispatched_to   text,
    on_site_at      timestamptz,
    completed_at    timestamptz,
    completion_note text,
    labour_cost     numeric(10, 2) check (labour_cost >= 0),
    material_cost   numeric(10, 2) check (material_cost >= 0),
    confirmed_at    timestamptz,
    rating          int            check (rating between 1 and 5),
    rating_comment  text,
    escalated_at    timestamptz,
    schedule_id     bigint,
    due_on          date,          -- a preventive order: the day its schedule fell due
    version         int            not null default 0
);
create index work_order_scope_idx on work_order (district_code, project_id, state);
create index work_order_household_idx on work_order (household_id);

create table work_order_event (
    id            bigint generated always as identity primary key,
    work_order_id bigint      not null references work_order (id),
    from_state    text,
    to_state      text        not null,
    note          text,
    actor_id      bigint      references app_user (id),
    at            timestamptz not null
);
create index work_order_event_order_idx on work_order_event (work_order_id, id);

-- Photos and documents, carried from the request (or the patrol finding) to the order and its completion.
create table work_order_attachment (
    id            bigint generated always as identity primary key,
    work_order_id bigint      not null references work_order (id),
    stage         text        not null check (stage in ('REQUEST', 'COMPLETION')),
    file_key      text        not null,
    sha256        char(64)    not null,
    size_bytes    bigint      not null,
    content_type  text        not null,
    original_name text        not null,
    added_by      bigint      references app_user (id),
    added_at      timestamptz not null
);
create index work_order_attachment_order_idx on work_order_attachment (work_order_id);

-- Preventive schedules per facility: every so many days a servicing order is made by itself (one per due day).
create table maintenance_schedule (
    id            bigint generated always as identity primary key,
    facility_id   bigint      not null references shared_facility (id),
    district_code char(6)     not null references district (code),
    project_id    bigint      not null references project (id),
    task          text        not null,
    category      text        not null,
    every_days    int         not null check (every_days between 1 and 3660),
    next_due_on   date        not null,
    active        boolean     not null default true,
    created_by    bigint      references app_user (id),
    created_at    timestamptz not null
);
create index maintenance_schedule_due_idx on maintenance_schedule (next_due_on) where active;
alter table work_order add constraint work_order_schedule_fk foreign key (schedule_id) references maintenance_schedule (id);
create unique index work_order_schedule_due_uq on work_order (schedule_id, due_on) where schedule_id is not null;

create sequence work_order_number_seq;

-- The scope guard's lists and the deadlines: configuration with history, per district (610800 = city default).
insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'maintenance.refused_work_types', 'NEW_CONSTRUCTION,ALTERATION,EXTENSION,DECORATION,DEMOLITION,RENOVATION',
     '2020-01-01T00:00:00+08', null, '政府购买服务内容不含新建、改建、扩建、装饰装修、拆除和翻新工程'),
    ('610800', 'maintenance.tenant_duty_work_types', 'TENANT_DUTY', '2020-01-01T00:00:00+08', null, '承租人自用部位、自行添置设施及人为损坏由承租人自行维修'),
    ('610800', 'maintenance.owner_duty_work_types', 'OWNER_DUTY', '2020-01-01T00:00:00+08', null, '户内主体结构及原有设施由产权人（政府）负责'),
    ('610800', 'maintenance.urgent_onsite_hours', '2', '2020-01-01T00:00:00+08', null, '紧急维修2小时内到场'),
    ('610800', 'maintenance.urgent_done_hours', '24', '2020-01-01T00:00:00+08', null, '紧急维修24小时内完成'),
    ('610800', 'maintenance.normal_onsite_hours', '24', '2020-01-01T00:00:00+08', null, '一般维修24小时内到场'),
    ('610800', 'maintenance.normal_done_hours', '72', '2020-01-01T00:00:00+08', null, '一般维修72小时内完成');
