-- Issue 21: the monthly report (月报) of each district and of the city, generated on the 1st for the month before from
-- the snapshot of its last day: a Chinese PDF with its charts and the same figures as Excel, kept in the file store.
create table monitoring_report (
    id           bigint generated always as identity primary key,
    month        char(7)     not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    region_code  char(6)     not null, -- a district, or the city
    as_of        date        not null, -- the snapshot the report reads
    pdf_key      text        not null,
    pdf_sha256   text        not null,
    xlsx_key     text        not null,
    xlsx_sha256  text        not null,
    generated_at timestamptz not null,
    unique (month, region_code)
);
