#!/usr/bin/env bash
# Local server efficiency (docs/benchmarks.md, issue 17), side by side in one run on loopback: nginx serving the
# same bytes as static files (the ceiling of a plain file server), Sonatype Nexus 3.71 and Verdaccio 6.8 when
# bench/peers.sh has installed them, and Arca started exactly as docs/cli.md says (`arca server`: the launcher
# installers/bin/arca with installers/jvm-options, no other JVM flag). Arca is asked with a token from
# GetAuthorizationToken, checked on every request with authorization, origin rules, status and the audit record;
# the peers answer anonymously. Every load is wrk, interleaved round by round after one unmeasured load each.
# Prints the table: npm package document @64, maven-metadata.xml @64, 4 KB file @16, 1 MiB file @16, each server's
# RSS after the loads, and Arca / nginx.
# Usage: bench/efficiency.sh [ROUNDS]
#   DURATION=10s  CELLS="doc meta small big"  PEERS="nexus verdaccio" (empty: nginx and Arca only)  NEXUS_WARMUP=90s
#   ARCA_START=launcher (installers/bin/arca server) | jar (java @installers/jvm-options -jar target/arca.jar server)
#   PROFILE=1: a JFR recording of Arca during its loads (JDK 25 CPU-time sampler), summarized at the end.
#   NMT=1: the JVM's native memory summary of Arca after the loads.  ARCA_OPTS: JVM options to try on top.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
DURATION=${DURATION:-10s}
PEERS=${PEERS-nexus verdaccio}
ARCA_START=${ARCA_START:-launcher}
[ -n "${PROFILE:-}" ] && ARCA_START=jar # the launcher's first start dumps its class-data archive, which turns JFR off
PEERS_DIR=${PEERS_DIR:-/tmp/arca-peers}
JDK=${JDK:-$(ls -d /usr/lib/jvm/*25* | head -1)}

command -v nginx >/dev/null && command -v wrk >/dev/null || bench/peers.sh >/dev/null
mvn -o -q -DskipTests package
WORK=$(mktemp -d /tmp/arca-efficiency.XXXXXX)
chmod 755 "$WORK" # nginx's workers read the files it serves
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${NGINX_CONF:-}" ] && nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true
  [ -n "${NEXUS_PID:-}" ] && kill "$NEXUS_PID" 2>/dev/null || true # its launcher does not exec the JVM
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source bench/lib.sh # free_port, wait_http, log, start_static_nginx, start_verdaccio
rss() { awk '/VmRSS/ {printf "%d MB", $2 * 1024 / 1e6}' "/proc/$1/status"; }

# wrk at CONNS against URL (optional header): "N req/s p99 X" or "G GB/s p99 X"; fails on any error answer.
load() {
  local conns=$1 url=$2 header=${3:-} out
  out=$(wrk -t2 -c"$conns" -d"$DURATION" --latency ${header:+-H "$header"} "$url")
  if echo "$out" | grep -q "Non-2xx\|Socket errors"; then echo "errors from $url" >&2; echo "$out" >&2; exit 1; fi
  echo "$out" | awk -v bytes="${BYTES:-0}" '
    /Requests\/sec/ {rps = $2}
    $1 == "99%" {p99 = $2}
    END {if (bytes > 100000) printf "%.2f GB/s p99 %s", rps * bytes / 1e9, p99; else printf "%.1fk p99 %s", rps / 1000, p99}'
}

# ---------------------------------------------------------------- the packages: npm (Arca, Verdaccio), Maven (Arca, Nexus)
mkdir -p "$WORK/src/small" "$WORK/src/big" "$WORK/pkgs" "$WORK/maven"
printf '{"name":"small-dep","version":"1.0.0","main":"index.js","license":"MIT"}\n' > "$WORK/src/small/package.json"
head -c 2800 /dev/urandom | base64 -w 76 | sed 's/^/\/\/ /' > "$WORK/src/small/index.js"
printf '{"name":"big-blob","version":"1.0.0","license":"MIT"}\n' > "$WORK/src/big/package.json"
head -c 1048576 /dev/urandom > "$WORK/src/big/blob.bin"
for p in small big; do (cd "$WORK/src/$p" && npm pack --silent --pack-destination "$WORK/pkgs" >/dev/null); done
SMALL="$WORK/pkgs/small-dep-1.0.0.tgz" BIG="$WORK/pkgs/big-blob-1.0.0.tgz"
python3 -c 'import os, sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.writestr("data.bin", os.urandom(3900))' \
  "$WORK/maven/lib-1.0.jar"
printf '<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>lib</artifactId><version>1.0</version></project>\n' \
  > "$WORK/maven/lib-1.0.pom"
printf '<metadata><groupId>bench</groupId><artifactId>lib</artifactId><versioning><latest>1.0</latest><release>1.0</release><versions><version>1.0</version></versions><lastUpdated>20261206000000</lastUpdated></versioning></metadata>\n' \
  > "$WORK/maven/maven-metadata.xml"
log "files: 4 KB tarball $(stat -c %s "$SMALL") bytes, 1 MiB tarball $(stat -c %s "$BIG") bytes"

deploy_maven() { # base-url auth-header
  curl -sf -H "$2" -T "$WORK/maven/lib-1.0.jar" "$1/bench/lib/1.0/lib-1.0.jar" >/dev/null
  curl -sf -H "$2" -T "$WORK/maven/lib-1.0.pom" "$1/bench/lib/1.0/lib-1.0.pom" >/dev/null
  curl -sf -H "$2" -T "$WORK/maven/maven-metadata.xml" "$1/bench/lib/maven-metadata.xml" >/dev/null || true
}

# ---------------------------------------------------------------- Arca, as docs/cli.md says
AP=$(free_port)
read -ra ARCA_JVM <<< "${ARCA_OPTS:-}"
[ -n "${NMT:-}" ] && ARCA_JVM+=(-XX:NativeMemoryTracking=summary)
[ -n "${PROFILE:-}" ] && ARCA_JVM+=("-XX:StartFlightRecording=filename=$WORK/arca.jfr,settings=profile,delay=20s,jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms")
if [ "$ARCA_START" = jar ]; then
  "$JDK/bin/java" @installers/jvm-options "${ARCA_JVM[@]}" -jar target/arca.jar server --port "$AP" --data "$WORK/arca" \
    > "$WORK/arca.log" 2>&1 &
else
  JAVA_HOME=$JDK XDG_CACHE_HOME="$WORK/cache" ARCA_JAVA_OPTS="${ARCA_JVM[*]}" \
    installers/bin/arca server --port "$AP" --data "$WORK/arca" > "$WORK/arca.log" 2>&1 &
fi
ARCA_PID=$!
PIDS+=("$ARCA_PID")
wait_http "http://127.0.0.1:$AP/_arca/health"
export AWS_SHARED_CREDENTIALS_FILE="$WORK/arca/credentials" AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
ca() { aws --endpoint-url "http://127.0.0.1:$AP" codeartifact "$@"; }
ca create-domain --domain bench >/dev/null
ca create-repository --domain bench --repository npm-bench >/dev/null
ca create-repository --domain bench --repository maven-bench >/dev/null
TOKEN=$(ca get-authorization-token --domain bench --query authorizationToken --output text)
AUTH="Authorization: Bearer $TOKEN"
AREG="http://127.0.0.1:$AP/bench-123456789012/npm/npm-bench/"
printf '//127.0.0.1:%s/bench-123456789012/npm/npm-bench/:_authToken=%s\n' "$AP" "$TOKEN" > "$WORK/npmrc-arca"
for tgz in "$SMALL" "$BIG"; do
  npm publish "$tgz" --registry "$AREG" --userconfig "$WORK/npmrc-arca" --no-audit --loglevel=error >/dev/null
done
deploy_maven "http://127.0.0.1:$AP/bench-123456789012/maven/maven-bench" "$AUTH"
declare -A URL
URL[arca doc]="${AREG}small-dep"
URL[arca meta]="http://127.0.0.1:$AP/bench-123456789012/maven/maven-bench/bench/lib/maven-metadata.xml"
URL[arca small]="${AREG}small-dep/-/small-dep-1.0.0.tgz"
URL[arca big]="${AREG}big-blob/-/big-blob-1.0.0.tgz"
cmp -s "$BIG" <(curl -sf -H "$AUTH" "${URL[arca big]}") || { echo "Arca did not answer the published bytes" >&2; exit 1; }

# ---------------------------------------------------------------- nginx: the same bytes as static files
start_static_nginx "$WORK/nginx"
mkdir -p "$WORK/nginx/files/small-dep/-" "$WORK/nginx/files/big-blob/-" "$WORK/nginx/files/meta"
cp "$SMALL" "$WORK/nginx/files/small-dep/-/"
cp "$BIG" "$WORK/nginx/files/big-blob/-/"
curl -sf -H "$AUTH" "${URL[arca doc]}" > "$WORK/nginx/files/small-dep/index.json"
curl -sf -H "$AUTH" "${URL[arca meta]}" > "$WORK/nginx/files/meta/maven-metadata.xml"
wait_http "http://127.0.0.1:$NX/meta/maven-metadata.xml"
URL[nginx doc]="http://127.0.0.1:$NX/small-dep/index.json"
URL[nginx meta]="http://127.0.0.1:$NX/meta/maven-metadata.xml"
URL[nginx small]="http://127.0.0.1:$NX/small-dep/-/small-dep-1.0.0.tgz"
URL[nginx big]="http://127.0.0.1:$NX/big-blob/-/big-blob-1.0.0.tgz"
SERVERS=(nginx)

# ---------------------------------------------------------------- Nexus (Maven cells), when installed
NEXUS_HOME="$PEERS_DIR/nexus/nexus-base-template-3.71.0-06"
if [[ " $PEERS " == *" nexus "* ]] && [ -x "$NEXUS_HOME/bin/nexus" ]; then
  NP=$(free_port)
  rm -rf "$PEERS_DIR/nexus/sonatype-work" # a fresh instance each run: releases cannot be deployed twice
  sed -i "s/^application-port=.*/application-port=$NP/" "$NEXUS_HOME/etc/nexus-default.properties"
  log "starting Nexus on port $NP (a minute or two)"
  (exec "$NEXUS_HOME/bin/nexus" server > "$WORK/nexus.log" 2>&1) &
  PIDS+=("$!")
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NP/service/rest/v1/status/writable")" = 200 ] && break
    sleep 0.5
  done
  NEXUS_PID=$(pgrep -f -n "$NEXUS_HOME/.*org.sonatype" || pgrep -f -n "$NEXUS_HOME")
  NEXUS_AUTH="Authorization: Basic $(printf 'admin:%s' "$(cat "$PEERS_DIR/nexus/sonatype-work/nexus3/admin.password")" | base64 -w0)"
  for _ in $(seq 1 240); do
    curl -sf -H "$NEXUS_AUTH" "http://127.0.0.1:$NP/service/rest/v1/repositories" | grep -q maven-releases && break
    sleep 0.5
  done
  NEXUS="http://127.0.0.1:$NP/repository/maven-releases"
  deploy_maven "$NEXUS" "$NEXUS_AUTH"
  curl -sf -H "$NEXUS_AUTH" -T "$BIG" "$NEXUS/bench/big/1.0/big-1.0.jar" >/dev/null
  curl -sf -X PUT -H "$NEXUS_AUTH" -H 'Content-Type: application/json' \
    -d '{"enabled": true, "userId": "anonymous", "realmName": "NexusAuthorizingRealm"}' \
    "http://127.0.0.1:$NP/service/rest/v1/security/anonymous" >/dev/null
  URL[nexus meta]="$NEXUS/bench/lib/maven-metadata.xml"
  URL[nexus small]="$NEXUS/bench/lib/1.0/lib-1.0.jar"
  URL[nexus big]="$NEXUS/bench/big/1.0/big-1.0.jar"
  log "warming Nexus (${NEXUS_WARMUP:-90s} on each load)"
  for cell in meta small; do wrk -t2 -c64 -d"${NEXUS_WARMUP:-90s}" "${URL[nexus $cell]}" >/dev/null; done
  SERVERS+=(nexus)
else
  log "Nexus: not measured (not asked for, or not installed in $PEERS_DIR by bench/peers.sh)"
fi

# ---------------------------------------------------------------- Verdaccio (npm cells), when installed
if [[ " $PEERS " == *" verdaccio "* ]] && [ -x "$PEERS_DIR/verdaccio/node_modules/.bin/verdaccio" ]; then
  start_verdaccio
  for tgz in "$SMALL" "$BIG"; do
    npm publish "$tgz" --registry "http://127.0.0.1:$VP/" --userconfig "$WORK/npmrc-verdaccio" --no-audit \
      --loglevel=error >/dev/null
  done
  URL[verdaccio doc]="http://127.0.0.1:$VP/small-dep"
  URL[verdaccio small]="http://127.0.0.1:$VP/small-dep/-/small-dep-1.0.0.tgz"
  URL[verdaccio big]="http://127.0.0.1:$VP/big-blob/-/big-blob-1.0.0.tgz"
  SERVERS+=(verdaccio)
else
  log "Verdaccio: not measured (not asked for, or not installed in $PEERS_DIR by bench/peers.sh)"
fi
SERVERS+=(arca)

# ---------------------------------------------------------------- the run
declare -A CONNS=([doc]=64 [meta]=64 [small]=16 [big]=16)
declare -A SIZE=([doc]=0 [meta]=0 [small]=0 [big]=$(stat -c %s "$BIG"))
declare -A RESULT
header() { [ "$1" = arca ] && echo "$AUTH" || true; }
log "warming every server on every load once"
for server in "${SERVERS[@]}"; do
  for cell in ${CELLS:-doc meta small big}; do
    [ -n "${URL[$server $cell]:-}" ] || continue
    DURATION=5s BYTES=0 load "${CONNS[$cell]}" "${URL[$server $cell]}" "$(header "$server")" >/dev/null
  done
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
for round in $(seq 1 "$ROUNDS"); do
  for cell in ${CELLS:-doc meta small big}; do
    for server in "${SERVERS[@]}"; do
      [ -n "${URL[$server $cell]:-}" ] || continue
      r=$(BYTES=${SIZE[$cell]} load "${CONNS[$cell]}" "${URL[$server $cell]}" "$(header "$server")")
      RESULT[$server $cell]="${RESULT[$server $cell]:+${RESULT[$server $cell]}; }$r"
      echo "round $round $cell $server: $r" >&2
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
NGINX_MASTER=$(cat "$WORK/nginx/nginx.pid") # master and workers
RESULT[nginx rss]=$(for pid in "$NGINX_MASTER" $(pgrep -P "$NGINX_MASTER"); do cat "/proc/$pid/status"; done \
  | awk '/VmRSS/ {s += $2} END {printf "%d MB", s * 1024 / 1e6}')
[ -n "${NEXUS_PID:-}" ] && RESULT[nexus rss]=$(rss "$NEXUS_PID")
[ -n "${VERDACCIO_PID:-}" ] && RESULT[verdaccio rss]=$(rss "$VERDACCIO_PID")
RESULT[arca rss]=$(rss "$ARCA_PID") # the launcher execs the JVM

# Arca / nginx per round, from the first number of each round's figure.
ratio() {
  [ -n "${RESULT[arca $1]:-}" ] && [ -n "${RESULT[nginx $1]:-}" ] || return 0
  paste -d' ' <(echo "${RESULT[arca $1]}" | tr ';' '\n' | awk '{print $1}') \
              <(echo "${RESULT[nginx $1]}" | tr ';' '\n' | awk '{print $1}') \
    | awk '{sub(/k$/, "", $1); sub(/k$/, "", $2); printf "%s%d%%", (NR > 1 ? "; " : ""), 100 * $1 / $2}'
}
echo
printf '| cell (%s rounds of %s) |' "$ROUNDS" "$DURATION"
printf ' %s |' "${SERVERS[@]}"
printf ' arca / nginx |\n'
printf '|---|%s---|\n' "$(printf -- '---|%.0s' "${SERVERS[@]}")"
for cell in doc meta small big; do
  case $cell in doc) name="npm package document @64" ;; meta) name="maven-metadata.xml @64" ;;
                small) name="4 KB file @16" ;; big) name="1 MiB file @16" ;; esac
  printf '| %s |' "$name"
  for server in "${SERVERS[@]}"; do printf ' %s |' "${RESULT[$server $cell]:-—}"; done
  printf ' %s |\n' "$(ratio "$cell")"
done
printf '| RSS after the loads |'
for server in "${SERVERS[@]}"; do printf ' %s |' "${RESULT[$server rss]:-—}"; done
printf ' |\n'
echo "Arca ran as: $(tr '\0' ' ' < /proc/"$ARCA_PID"/cmdline)"

[ -n "${NMT:-}" ] && "$JDK/bin/jcmd" "$ARCA_PID" VM.native_memory summary scale=MB | grep -E "committed=" | grep -v "^ *(" 
if [ -n "${PROFILE:-}" ]; then
  "$JDK/bin/jcmd" "$ARCA_PID" JFR.dump filename="$WORK/arca.jfr" >/dev/null
  cp "$WORK/arca.jfr" "${PROFILE_OUT:-/tmp/arca-efficiency.jfr}"
  "$JDK/bin/jfr" view --width 160 cpu-time-hot-methods "$WORK/arca.jfr" | head -45
fi
