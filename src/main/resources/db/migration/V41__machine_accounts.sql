-- An outside system's account (the city's 12345 hotline): no password and no person's contact; it calls the API only
-- with the token the security administrator issues. Machine roles (CHANNEL_GATEWAY) are granted to these accounts only.
alter table app_user add column machine boolean not null default false;
update app_user u set machine = true
 where exists (select 1 from user_role r where r.app_user = u.id and r.role = 'CHANNEL_GATEWAY');
