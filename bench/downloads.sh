#!/usr/bin/env bash
# 1 MB downloads at the limit (docs/benchmarks.md, issue 15 item 6), side by side in one run: nginx serving the same
# file (sendfile, the ceiling of a plain file server), Sonatype Nexus 3.71 when bench/peers.sh has installed it,
# Arca built from BEFORE (a commit, built into a temporary directory) and Arca from this tree, plus the decrypt-only
# ceiling (bench/DecryptCeiling.java) on the same machine. Every load is wrk, 1 MB @CONNS, interleaved ROUNDS times;
# Arca is asked with a token from GetAuthorizationToken (checked on every request), nginx and Nexus anonymously.
# Usage: bench/downloads.sh [ROUNDS]
#   BEFORE=191257a (empty: this tree only; BEFORE_DIR=DIR: its arca.jar and lib/ built already)  CONNS=16  DURATION=10s  ARCA_OPTS=-Xmx256m
#   PROFILE=1: a JFR recording of this tree's Arca during its loads, summarized at the end (jfr view hot-methods).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
BEFORE=${BEFORE-191257a}
CONNS=${CONNS:-16}
DURATION=${DURATION:-10s}
ARCA_OPTS=${ARCA_OPTS:--Xmx256m}
PEERS_DIR=${PEERS_DIR:-/tmp/arca-peers}
JDK=${JDK:-$(ls -d /usr/lib/jvm/*25* | head -1)}
JAVA=$JDK/bin/java

command -v nginx >/dev/null && command -v wrk >/dev/null || bench/peers.sh >/dev/null
WORK=$(mktemp -d /tmp/arca-downloads.XXXXXX)
chmod 755 "$WORK" # nginx's workers read the file it serves
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${NGINX_CONF:-}" ] && nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true
  [ -n "${NEXUS_PID_FILE:-}" ] && [ -f "$NEXUS_PID_FILE" ] && kill "$(cat "$NEXUS_PID_FILE")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source bench/lib.sh # free_port, wait_http, log, start_static_nginx, start_verdaccio

# wrk: prints "GB/s, req/s, p50, p99" for URL, with an optional extra header; fails on any non-2xx answer.
load() {
  local url=$1 header=${2:-} out
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --latency ${header:+-H "$header"} "$url")
  if echo "$out" | grep -q "Non-2xx\|Socket errors"; then echo "errors from $url" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk '
    /Requests\/sec/ {rps = $2}
    /Transfer\/sec/ {t = $2; unit = substr(t, length(t) - 1); v = substr(t, 1, length(t) - 2);
                     gbs = unit == "GB" ? v * 1.073741824 : unit == "MB" ? v * 1.048576 / 1000 : v / 1e6}
    $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
    END {printf "%.2f GB/s (%s req/s, p50 %s, p99 %s)", gbs, rps, p50, p99}'
}

# ---------------------------------------------------------------- the jars
mvn -o -q -DskipTests package
mkdir -p "$WORK/after" && cp -r target/arca.jar target/lib "$WORK/after/"
if [ -n "$BEFORE" ] && [ -n "${BEFORE_DIR:-}" ]; then
  mkdir -p "$WORK/before" && cp -r "$BEFORE_DIR/arca.jar" "$BEFORE_DIR/lib" "$WORK/before/" # built from BEFORE already
elif [ -n "$BEFORE" ]; then
  log "building Arca at $BEFORE"
  mkdir -p "$WORK/before-src"
  git archive "$BEFORE" | tar -x -C "$WORK/before-src"
  (cd "$WORK/before-src" && mvn -o -q -DskipTests package) >/dev/null
  mkdir -p "$WORK/before" && cp -r "$WORK/before-src/target/arca.jar" "$WORK/before-src/target/lib" "$WORK/before/"
  rm -rf "$WORK/before-src"
fi

# ---------------------------------------------------------------- the 1 MB package (random bytes: no compression)
mkdir -p "$WORK/pkg/big-blob"
printf '{"name":"big-blob","version":"1.0.0","license":"MIT"}\n' > "$WORK/pkg/big-blob/package.json"
head -c 1048576 /dev/urandom > "$WORK/pkg/big-blob/blob.bin"
(cd "$WORK/pkg/big-blob" && npm pack --silent --pack-destination "$WORK/pkg" >/dev/null)
TGZ="$WORK/pkg/big-blob-1.0.0.tgz"
log "the file: $(stat -c %s "$TGZ") bytes"

# ---------------------------------------------------------------- Arca (one per jar)
# start_arca NAME JAR_DIR [extra JVM options]: sets URL_NAME and AUTH_NAME
start_arca() {
  local name=$1 dir=$2 port
  shift 2
  port=$(free_port)
  # shellcheck disable=SC2086
  "$JAVA" $ARCA_OPTS "$@" -jar "$dir/arca.jar" server --port "$port" --data "$WORK/data-$name" \
    > "$WORK/arca-$name.log" 2>&1 &
  PIDS+=("$!")
  eval "PID_$name=$!"
  wait_http "http://127.0.0.1:$port/_arca/health"
  local creds="$WORK/data-$name/credentials"
  ca() { AWS_SHARED_CREDENTIALS_FILE="$creds" AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" \
    aws --endpoint-url "http://127.0.0.1:$port" codeartifact "$@"; }
  ca create-domain --domain bench >/dev/null
  ca create-repository --domain bench --repository npm-bench >/dev/null
  local token registry="http://127.0.0.1:$port/bench-123456789012/npm/npm-bench/"
  token=$(ca get-authorization-token --domain bench --query authorizationToken --output text)
  printf '//127.0.0.1:%s/bench-123456789012/npm/npm-bench/:_authToken=%s\n' "$port" "$token" > "$WORK/npmrc-$name"
  npm publish "$TGZ" --registry "$registry" --userconfig "$WORK/npmrc-$name" --no-audit --loglevel=error >/dev/null
  eval "URL_$name=\"${registry}big-blob/-/big-blob-1.0.0.tgz\""
  eval "AUTH_$name=\"Authorization: Bearer $token\""
  # the download must be the published bytes
  cmp -s "$TGZ" <(curl -sf -H "Authorization: Bearer $token" "${registry}big-blob/-/big-blob-1.0.0.tgz") \
    || { echo "Arca $name did not answer the published bytes" >&2; exit 1; }
}

ARCAS=()
if [ -n "$BEFORE" ]; then start_arca before "$WORK/before"; ARCAS+=(before); fi
if [ -n "${PROFILE:-}" ]; then
  start_arca after "$WORK/after" -XX:StartFlightRecording=filename="$WORK/after.jfr",settings=profile,delay=5s,jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms
else
  start_arca after "$WORK/after"
fi
ARCAS+=(after)

# ---------------------------------------------------------------- nginx
start_static_nginx "$WORK/nginx"
cp "$TGZ" "$WORK/nginx/files/"
wait_http "http://127.0.0.1:$NX/big-blob-1.0.0.tgz"
NGINX_URL="http://127.0.0.1:$NX/big-blob-1.0.0.tgz"

# ---------------------------------------------------------------- Nexus, when bench/peers.sh installed it
NEXUS_HOME="$PEERS_DIR/nexus/nexus-base-template-3.71.0-06"
NEXUS_URL=""
if [ -x "$NEXUS_HOME/bin/nexus" ]; then
  NP=$(free_port)
  rm -rf "$PEERS_DIR/nexus/sonatype-work"
  sed -i "s/^application-port=.*/application-port=$NP/" "$NEXUS_HOME/etc/nexus-default.properties"
  log "starting Nexus on port $NP (a minute or two)"
  (exec "$NEXUS_HOME/bin/nexus" server > "$WORK/nexus.log" 2>&1) &
  PIDS+=("$!")
  NEXUS_PID_FILE="$WORK/nexus.pid"
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NP/service/rest/v1/status/writable")" = 200 ] && break
    sleep 0.5
  done
  pgrep -f -n "$NEXUS_HOME" > "$NEXUS_PID_FILE" || true # its launcher does not exec the JVM
  NEXUS_AUTH="Authorization: Basic $(printf 'admin:%s' "$(cat "$PEERS_DIR/nexus/sonatype-work/nexus3/admin.password")" | base64 -w0)"
  for _ in $(seq 1 240); do
    curl -sf -H "$NEXUS_AUTH" "http://127.0.0.1:$NP/service/rest/v1/repositories" | grep -q maven-releases && break
    sleep 0.5
  done
  NEXUS_URL="http://127.0.0.1:$NP/repository/maven-releases/bench/big/1.0/big-1.0.jar"
  curl -sf -H "$NEXUS_AUTH" -T "$TGZ" "$NEXUS_URL" >/dev/null
  curl -sf -X PUT -H "$NEXUS_AUTH" -H 'Content-Type: application/json' \
    -d '{"enabled": true, "userId": "anonymous", "realmName": "NexusAuthorizingRealm"}' \
    "http://127.0.0.1:$NP/service/rest/v1/security/anonymous" >/dev/null
  log "warming Nexus (${NEXUS_WARMUP:-60s})"
  wrk -t2 -c"$CONNS" -d"${NEXUS_WARMUP:-60s}" "$NEXUS_URL" >/dev/null
else
  log "Nexus is not installed in $PEERS_DIR (bench/peers.sh): not measured"
fi

# ---------------------------------------------------------------- the run
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$JAVA" bench/DecryptCeiling.java 5 | sed 's/^/ceiling: /'
for name in "${ARCAS[@]}"; do # warm each Arca (JIT) as long as one measured load
  url="URL_$name" auth="AUTH_$name"
  wrk -t2 -c"$CONNS" -d"$DURATION" -H "${!auth}" "${!url}" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
  echo "1 MB @$CONNS round $round: nginx $(load "$NGINX_URL")"
  [ -n "$NEXUS_URL" ] && echo "1 MB @$CONNS round $round: Nexus $(load "$NEXUS_URL")"
  for name in "${ARCAS[@]}"; do
    url="URL_$name" auth="AUTH_$name"
    echo "1 MB @$CONNS round $round: Arca $name $(load "${!url}" "${!auth}")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${ARCAS[@]}"; do
  pid="PID_$name"
  echo "Arca $name: RSS $(awk '/VmRSS/ {print int($2 / 1024) " MiB"}' /proc/"${!pid}"/status)"
done
if [ -n "${PROFILE:-}" ]; then
  jcmd "$PID_after" JFR.dump filename="$WORK/after.jfr" >/dev/null
  cp "$WORK/after.jfr" "${PROFILE_OUT:-/tmp/arca-downloads.jfr}"
  "$JDK/bin/jfr" view --width 160 cpu-time-hot-methods "$WORK/after.jfr" || "$JDK/bin/jfr" view --width 160 hot-methods "$WORK/after.jfr"
  "$JDK/bin/jfr" view --width 160 allocation-by-class "$WORK/after.jfr" || true
fi
