-- A second factor for administrators (MLPS 2.0 level 3): time-based one-time codes (RFC 6238).
alter table app_user add column totp_secret text;            -- encrypted (FieldCipher, purpose app_user.totp_secret)
alter table app_user add column totp_enrolled_at timestamptz;
alter table app_user add column totp_last_step bigint;       -- the last accepted 30-second step: a code works once

-- Whether administrators (system, security, audit administrators and government administrators) must give a second
-- factor; part of the login policy, with its history. On by default.
alter table security_policy add column admin_second_factor boolean not null default true;
