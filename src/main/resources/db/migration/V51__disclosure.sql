-- Issue 20: disclosure (信息公开). The platform drafts a public item from each record that became final; one redaction
-- policy masks it; an item with free text or person-related data is reviewed (保密审查) by a second person before it is
-- published; every version, publication and withdrawal is kept and shown publicly as the item's change log.
create table disclosure_item (
    id                bigserial primary key,
    district_code     char(6)     not null references district (code),
    type              text        not null check (type in ('PROCUREMENT_AWARD', 'CONTRACT', 'EVALUATION', 'SETTLEMENT',
                                                           'RENT_STANDARD', 'SELECTION_RESULT', 'STATISTICS', 'CHANNELS')),
    source_id         bigint      not null,
    title             text        not null,
    final_on          date        not null,
    due_on            date        not null,
    status            text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    needs_review      boolean     not null,
    content_version   int         not null default 1,
    drafted_by        bigint      references app_user (id),
    first_published_at timestamptz,
    version           int         not null default 0,
    unique (type, source_id)
);
create index disclosure_item_public_idx on disclosure_item (status, district_code, type, final_on);

-- Each version of an item's content, written once: what was (or would be) published, with its digest.
create table disclosure_version (
    item_id    bigint      not null references disclosure_item (id),
    version    int         not null,
    content    text        not null, -- the JSON exactly as digested
    sha256     char(64)    not null,
    drafted_by bigint      references app_user (id),
    drafted_at timestamptz not null,
    primary key (item_id, version)
);

-- The public change log: drafted, published, withdrawn (with the reason), redrafted.
create table disclosure_event (
    id       bigserial primary key,
    item_id  bigint      not null references disclosure_item (id),
    version  int         not null,
    kind     text        not null check (kind in ('DRAFTED', 'PUBLISHED', 'WITHDRAWN', 'REDRAFTED')),
    reason   text,
    actor    bigint      references app_user (id),
    at       timestamptz not null
);
create index disclosure_event_item_idx on disclosure_event (item_id, at);

insert into policy_setting (region_code, key, value, effective_from, changed_by, reason) values
    ('610800', 'disclosure.publish-working-days', '20', '2000-01-01T00:00:00Z', null, '记录形成后应予公开的期限（工作日，政府信息公开条例第二十六条）');
