-- Commercial cryptography: the crypto suite (anju.crypto.suite, INTERNATIONAL or GUOMI) decides what new digests and
-- keyed digests are written with, and every stored value names its algorithm, so a switch strands nothing.

-- Each audit link names the hash it was made with; every link before this migration was SHA-256. The chain carries
-- on across a switch: the first SM3 link hashes the last SHA-256 link's hex like any other. Adding a column with a
-- constant default rewrites no row, so the append-only triggers are not involved.
alter table audit_chain add column algorithm text not null default 'sha256'
    constraint audit_chain_algorithm_known check (algorithm in ('sha256', 'sm3'));

-- Values that now carry their algorithm ('sm3:<hex>', 'hmac-sm3:<hex>') no longer fit 64 characters. Values written
-- before carry no tag and are read as SHA-256, which they are.
alter table api_token alter column token_hash type text;
alter table activation_code alter column code_hash type text;
alter table payment_idempotency alter column request_hash type text;
alter table bank_statement_line alter column fingerprint type text;
alter table bill_run alter column digest type text;
alter table bill_run_chunk alter column chain type text;

-- Blind indexes are searched by equality, so the existing ones (all HMAC-SHA256) get their tag now rather than
-- leaving two spellings of one index; --anju.command=reencrypt moves them to HMAC-SM3 after a switch to GUOMI.
alter table household_member alter column id_number_index type text,
                             alter column phone_index type text,
                             alter column phone_last4_index type text;
update household_member
   set id_number_index   = case when id_number_index not like '%:%' then 'hmac-sha256:' || id_number_index else id_number_index end,
       phone_index       = case when phone_index not like '%:%' then 'hmac-sha256:' || phone_index else phone_index end,
       phone_last4_index = case when phone_last4_index not like '%:%' then 'hmac-sha256:' || phone_last4_index else phone_last4_index end
 where id_number_index not like '%:%' or phone_index not like '%:%' or phone_last4_index not like '%:%';

-- Failed-login counters are keyed by a blind index of the user name.
alter table login_attempt alter column username_key type text;
update login_attempt set username_key = 'hmac-sha256:' || username_key where username_key not like '%:%';

-- A feedback case's sender is indexed like a member's phone (the same purpose, to match a household).
update feedback_case set sender_index = 'hmac-sha256:' || sender_index where sender_index not like '%:%';
