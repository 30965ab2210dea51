#!/usr/bin/env bash
# Benchmarks that work on a fresh clone: builds what it needs, starts its own embedded database under target/.
#   scripts/bench.sh billing      100,000 active leases, one monthly bill run vs a plain INSERT ... SELECT floor
#   scripts/bench.sh payments     payment posting throughput with 16 concurrent clients
#   scripts/bench.sh households   household import and searches (issue 4)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  billing) class=cn.anju.bench.BillingBenchmark ;;
  payments) class=cn.anju.bench.PaymentBenchmark ;;
  households) class=cn.anju.bench.HouseholdBenchmark ;;
  *) echo "usage: scripts/bench.sh billing|payments|households" >&2; exit 2 ;;
esac
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 25 ] 2>/dev/null; then
  if [ "$(java_major java)" -ge 25 ] 2>/dev/null; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  else
    JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*-25-* 2>/dev/null | head -n 1)
  fi
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
./mvnw -q -DskipTests test-compile
exec ./mvnw -q exec:exec@bench -Dbench.class="$class"
