#!/usr/bin/env bash
# Smoke test of the packaged jar on Debian's PostgreSQL (15 here), set up as docs/security.md recommends: password
# logins, an owner role that migrates and an application role that runs (scripts/external-db-roles.sql).
# Migrations apply, health is UP, the platform's role cannot switch the audit triggers off, a demo account logs in.
# Starts everything it needs on loopback ports and stops all of it on exit.
# Usage: scripts/smoke-postgres15.sh [path/to/anju.jar]
set -euo pipefail

JAR=${1:-target/anju.jar}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | head -n 1)}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/anju-smoke.XXXXXX)
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-18080}
APP_PID=""

cleanup() {
  set +e
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  if [ -f "$WORK/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "SMOKE FAILED: $*" >&2; [ -f "$WORK/app.log" ] && tail -n 60 "$WORK/app.log" >&2; exit 1; }

[ -f "$JAR" ] || fail "no jar at $JAR (run ./mvnw verify first)"
[ -x "$PG_BIN/initdb" ] || fail "no PostgreSQL server binaries (apt-get install postgresql)"
echo "smoke: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') from $PG_BIN, jar $JAR"

# throwaway passwords for this run only, in characters that need no quoting
password() { head -c 24 /dev/urandom | base64 | tr '+/' '-_'; }
SUPER_PASSWORD=$(password)
OWNER_PASSWORD=$(password)
APP_PASSWORD=$(password)

# initdb refuses to run as root: the cluster belongs to the postgres user. Every login gives a password.
chown postgres "$WORK"
(umask 077; printf '%s\n' "$SUPER_PASSWORD" >"$WORK/superuser.password")
chown postgres "$WORK/superuser.password"
runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/data" -U postgres --auth=scram-sha-256 \
  --pwfile="$WORK/superuser.password" -E UTF8 --locale=C.UTF-8 >/dev/null
# a port another process took meanwhile (a test's database still shutting down) is no reason to fail: try the next
started=""
for attempt in 0 1 2 3 4; do
  if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w \
      -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null; then
    started=yes
    break
  fi
  echo "smoke: PostgreSQL did not start on port $PG_PORT:" >&2
  tail -n 5 "$WORK/pg.log" >&2 || true
  PG_PORT=$((PG_PORT + 1))
done
[ -n "$started" ] || fail "PostgreSQL did not start"
PSQL=(env PGPASSWORD="$SUPER_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
PSQL_APP=(env PGPASSWORD="$APP_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U anju_app -d anju -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" \
  -f "$(dirname "$0")/external-db-roles.sql" >/dev/null

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/anju" \
SPRING_DATASOURCE_USERNAME=anju_app SPRING_DATASOURCE_PASSWORD="$APP_PASSWORD" \
SPRING_FLYWAY_USER=anju_owner SPRING_FLYWAY_PASSWORD="$OWNER_PASSWORD" \
  "$JAVA" -Xmx512m -jar "$JAR" --spring.profiles.active=demo --server.port="$APP_PORT" \
  --anju.files.root="$WORK/files" --anju.audit.head-dir="$WORK/audit" >"$WORK/app.log" 2>&1 &
APP_PID=$!

for _ in $(seq 1 180); do
  kill -0 "$APP_PID" 2>/dev/null || fail "the platform exited during start-up"
  if curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" | grep -q '"UP"' || fail "health is not UP"
echo "smoke: /actuator/health is UP"

grep -q "Embedded PostgreSQL started" "$WORK/app.log" && fail "an embedded PostgreSQL started although a URL was given"
expected=$(unzip -l "$JAR" | grep -c 'BOOT-INF/classes/db/migration/V.*\.sql$')
applied=$("${PSQL[@]}" -d anju -c "select count(*) from flyway_schema_history where success and version is not null")
failed=$("${PSQL[@]}" -d anju -c "select count(*) from flyway_schema_history where not success")
[ "$applied" = "$expected" ] && [ "$failed" = "0" ] || fail "migrations: $applied of $expected applied, $failed failed"
echo "smoke: $applied of $expected migrations applied on $("${PSQL[@]}" -d anju -c 'show server_version')"

foreign=$("${PSQL[@]}" -d anju -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'S') and pg_get_userbyid(c.relowner) <> 'anju_owner'")
[ "$foreign" = "0" ] || fail "$foreign objects in schema public not owned by anju_owner"
if "${PSQL_APP[@]}" -c "alter table audit_log disable trigger all" >/dev/null 2>&1; then
  fail "the platform's role could switch the audit triggers off"
fi
if "${PSQL_APP[@]}" -c "update audit_log set action = action" >/dev/null 2>&1; then
  fail "the platform's role could update audit rows"
fi
grep -q "Database role 'anju_app' cannot alter the audit tables" "$WORK/app.log" \
  || fail "the platform did not report its role's rights on the audit tables"
echo "smoke: migrated as anju_owner; anju_app can neither disable the audit triggers nor update audit rows"

JAR_COOKIES="$WORK/cookies"
token=$(curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT/login" \
  | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
  --data-urlencode "username=yuyang.gov" --data-urlencode "password=Demo@2026" --data-urlencode "_csrf=$token" \
  "http://127.0.0.1:$APP_PORT/login")
[ "$location" = "http://127.0.0.1:$APP_PORT/" ] || fail "demo login redirected to '$location'"
me=$(curl -fsS -b "$JAR_COOKIES" -H 'Accept: application/json' "http://127.0.0.1:$APP_PORT/api/v1/me")
echo "$me" | grep -q '"username":"yuyang.gov"' || fail "/api/v1/me answered: $me"
echo "smoke: demo login works ($me)"
echo "smoke: passed"
