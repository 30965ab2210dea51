-- Searches by a whole ID number or mobile number. A masked number shown with the birth year leaves about 33 candidate
-- ID numbers; trying them one by one through the exact search would rebuild it, so each such search is kept here
-- (who, when, whether it found anyone) and an account with too many misses in a day is refused more.
create table exact_search (
    id          bigint generated always as identity primary key,
    user_id     bigint      not null references app_user (id),
    kind        text        not null check (kind in ('ID_NUMBER', 'PHONE')),
    found       boolean     not null,
    searched_at timestamptz not null
);
create index exact_search_misses on exact_search (user_id, searched_at) where not found;
