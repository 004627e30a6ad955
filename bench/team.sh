#!/usr/bin/env bash
# Team-server benchmark, side by side in one run (docs/benchmarks.md, "Team server"; issue 15):
#   A  — one `arca server` on SQLite + files (its own DIR)
#   B  — two `arca server` instances on one PostgreSQL 15 + one moto S3 prefix, behind nginx (round robin)
#   B' — the same two instances' shape on PostgreSQL + files (--metadata without --blobs; one instance, since without
#        shared blobs a second one could not serve the first one's bytes): isolates what moto costs B
# Loads (wrk on loopback, interleaved A | B | B', ROUNDS times): npm package document GET @64, 4 KB tarball GET @16,
# and publishes of new versions (PUT of an npm publish document, PUBLISH_CONC at once: publishes/s, p50, p99).
# Then: RSS of every server process, the load average, a JFR hot-method profile of B's first instance during a
# document and a tarball load, and PostgreSQL's statement log (log_min_duration_statement=0) for a short window of
# document GETs: how many statements per request, and what they are.
# PostgreSQL (Debian's 15) runs as user postgres in a temp dir on a free port, moto_server on a free port, nginx with a
# generated config; everything listens on 127.0.0.1 and everything is removed at the end.
# Usage: bench/team.sh [ROUNDS]    (DURATION=10s per wrk run, PUBLISHES=200, PUBLISH_CONC=8, BUILD=0 to skip mvn)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-2}
DURATION=${DURATION:-10s}
PUBLISHES=${PUBLISHES:-200}
PUBLISH_CONC=${PUBLISH_CONC:-8}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JFR=${JFR:-$(dirname "$JAVA")/jfr}
PG=/usr/lib/postgresql/15/bin

[ "${BUILD:-1}" = 0 ] || mvn -o -q -DskipTests package
WORK=$(mktemp -d /tmp/arca-team.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  [ -d "$WORK/pg/data" ] && runuser -u postgres -- "$PG/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source bench/lib.sh # free_port, wait_http, log, start_static_nginx, start_verdaccio

# wrk: prints "req/s, p50, p99" (latencies in ms) for URL with a header.
load() {
  local conns=$1 url=$2 header=$3 out
  out=$(wrk -t2 -c"$conns" -d"$DURATION" --latency -H "$header" "$url")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $url" >&2; echo "$out" >&2; exit 1; fi
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') req/s, p50 $(echo "$out" | awk '$1=="50%" {print $2}')," \
    "p99 $(echo "$out" | awk '$1=="99%" {print $2}')"
}

# ---------------------------------------------------------------- shared settings
export ARCA_ACCESS_KEY_ID=AKIABENCHTEAM0000001 ARCA_SECRET_ACCESS_KEY=bench-team-secret-0000000000000000000000
ACCOUNT=123456789012
MOTO_KEY=moto-bench MOTO_SECRET=moto-bench-secret

# ---------------------------------------------------------------- PostgreSQL 15 (as in PostgresServer.java)
log "starting PostgreSQL 15, moto_server"
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
echo pg-bench-password > "$WORK/pg/password" && chown postgres "$WORK/pg/password"
runuser -u postgres -- "$PG/initdb" -D "$WORK/pg/data" -U postgres --pwfile="$WORK/pg/password" -E UTF8 \
  --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US --auth-local=trust --auth-host=scram-sha-256 \
  --no-sync >/dev/null
PGPORT=$(free_port)
runuser -u postgres -- "$PG/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$WORK/pg -c max_connections=200" \
  start >/dev/null
psql_() { runuser -u postgres -- psql -h "$WORK/pg" -p "$PGPORT" -U postgres -qAt "$@"; }
psql_ -c "CREATE DATABASE arca TEMPLATE template0" -c "CREATE DATABASE arcafiles TEMPLATE template0"

# ---------------------------------------------------------------- moto_server
MOTO_PORT=$(free_port)
moto_server -H 127.0.0.1 -p "$MOTO_PORT" > "$WORK/moto.log" 2>&1 &
MOTO_PID=$!
PIDS+=("$MOTO_PID")
wait_http "http://127.0.0.1:$MOTO_PORT/"
AWS_ACCESS_KEY_ID=$MOTO_KEY AWS_SECRET_ACCESS_KEY=$MOTO_SECRET AWS_REGION=us-east-1 AWS_CONFIG_FILE=/nonexistent \
  AWS_SHARED_CREDENTIALS_FILE=/nonexistent aws --endpoint-url "http://127.0.0.1:$MOTO_PORT" s3api create-bucket \
  --bucket arca-team >/dev/null

# ---------------------------------------------------------------- the servers
# start NAME PORT [server options...]: a server with -Xmx256m, stdout in $WORK/NAME.log; sets PID_NAME.
start() {
  local name=$1 port=$2; shift 2
  "$JAVA" -Xmx256m ${JAVA_OPTS_EXTRA:-} -jar target/arca.jar server --port "$port" --data "$WORK/$name" "$@" \
    > "$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  printf -v "PID_$name" %s "$!"
}
PG_ENV=(ARCA_DB_USER=postgres ARCA_DB_PASSWORD=pg-bench-password)
S3_ENV=(AWS_ENDPOINT_URL_S3="http://127.0.0.1:$MOTO_PORT" AWS_ACCESS_KEY_ID=$MOTO_KEY AWS_SECRET_ACCESS_KEY=$MOTO_SECRET
  AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent)
PA=$(free_port); PB1=$(free_port); PB2=$(free_port); PC=$(free_port)
log "starting A (SQLite + files), B1 (PostgreSQL + S3, JFR), B' (PostgreSQL + files)"
start A "$PA"
JAVA_OPTS_EXTRA="-XX:StartFlightRecording=filename=$WORK/b1.jfr,settings=profile,jdk.SocketRead#threshold=10ms,dumponexit=true" \
  env "${PG_ENV[@]}" "${S3_ENV[@]}" bash -c "$(declare -f start); WORK=$WORK JAVA=$JAVA; start B1 $PB1 \
  --metadata jdbc:postgresql://127.0.0.1:$PGPORT/arca --blobs s3://arca-team/team; wait" &
PIDS+=("$!")
env "${PG_ENV[@]}" bash -c "$(declare -f start); WORK=$WORK JAVA=$JAVA; start C $PC \
  --metadata jdbc:postgresql://127.0.0.1:$PGPORT/arcafiles; wait" &
PIDS+=("$!")
wait_http "http://127.0.0.1:$PB1/_arca/health" # B2 after B1 has migrated the database
env "${PG_ENV[@]}" "${S3_ENV[@]}" bash -c "$(declare -f start); WORK=$WORK JAVA=$JAVA; start B2 $PB2 \
  --metadata jdbc:postgresql://127.0.0.1:$PGPORT/arca --blobs s3://arca-team/team; wait" &
PIDS+=("$!")
for p in "$PA" "$PB2" "$PC"; do wait_http "http://127.0.0.1:$p/_arca/health"; done
server_pid() { pgrep -f -- "--port $1 " | while read -r p; do [ "$(cat /proc/$p/comm)" = java ] && echo "$p"; done | head -1; }
for p in "$PA" "$PB1" "$PB2" "$PC"; do PIDS+=("$(server_pid "$p")"); done

# ---------------------------------------------------------------- nginx in front of B1 and B2
NX=$(free_port)
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  client_max_body_size 0;
  upstream arca { server 127.0.0.1:$PB1; server 127.0.0.1:$PB2; keepalive 32; }
  server {
    listen 127.0.0.1:$NX;
    location / {
      proxy_pass http://arca; proxy_http_version 1.1;
      proxy_set_header Connection ""; proxy_set_header Host \$http_host; proxy_read_timeout 120s;
    }
  }
}
EOF
nginx -c "$WORK/nginx/nginx.conf"
wait_http "http://127.0.0.1:$NX/_arca/health"

# ---------------------------------------------------------------- domain, repository, token, seed package
export AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_CONFIG_FILE=/nonexistent AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
export AWS_ACCESS_KEY_ID=$ARCA_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY=$ARCA_SECRET_ACCESS_KEY
setup() { # PORT -> prints token
  local ep="http://127.0.0.1:$1"
  aws --endpoint-url "$ep" codeartifact create-domain --domain bench >/dev/null
  aws --endpoint-url "$ep" codeartifact create-repository --domain bench --repository npm-bench >/dev/null
  aws --endpoint-url "$ep" codeartifact get-authorization-token --domain bench --query authorizationToken --output text
}
TOKEN_A=$(setup "$PA"); TOKEN_B=$(setup "$NX"); TOKEN_C=$(setup "$PC")

# Publish documents: PUBLISH-DIR/N.json publishes bench-team@1.0.N (N=0 is the seed) with a ~4 KB tarball.
mkdir -p "$WORK/docs"
python3 - "$WORK/docs" "$PUBLISHES" <<'PY'
import base64, hashlib, io, json, os, sys, tarfile
out, n = sys.argv[1], int(sys.argv[2])
for i in range(n + 1):
    version = f"1.0.{i}"
    manifest = {"name": "bench-team", "version": version, "main": "index.js", "license": "MIT"}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in (("package/package.json", json.dumps(manifest).encode()),
                           ("package/index.js", b"// " + base64.b64encode(os.urandom(3000)))):
            info = tarfile.TarInfo(name); info.size = len(data); info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
    tgz = buf.getvalue()
    fname = f"bench-team-{version}.tgz"
    doc = {"_id": "bench-team", "name": "bench-team", "dist-tags": {"latest": version},
           "versions": {version: dict(manifest, _id=f"bench-team@{version}",
                        dist={"shasum": hashlib.sha1(tgz).hexdigest(),
                              "integrity": "sha512-" + base64.b64encode(hashlib.sha512(tgz).digest()).decode(),
                              "tarball": f"http://localhost/bench-team/-/{fname}"})},
           "_attachments": {fname: {"content_type": "application/octet-stream",
                                    "data": base64.b64encode(tgz).decode(), "length": len(tgz)}}}
    with open(os.path.join(out, f"{i}.json"), "w") as f:
        json.dump(doc, f)
PY
REG_A="http://127.0.0.1:$PA/bench-$ACCOUNT/npm/npm-bench/"
REG_B="http://127.0.0.1:$NX/bench-$ACCOUNT/npm/npm-bench/"
REG_C="http://127.0.0.1:$PC/bench-$ACCOUNT/npm/npm-bench/"
for s in A B C; do
  reg=REG_$s tok=TOKEN_$s
  code=$(curl -s -o "$WORK/seed-$s.out" -w '%{http_code}' -X PUT -H "Authorization: Bearer ${!tok}" \
    -H 'Content-Type: application/json' --data-binary @"$WORK/docs/0.json" "${!reg}bench-team")
  [ "$code" = 200 ] || [ "$code" = 201 ] || { echo "seed publish to $s: HTTP $code $(cat "$WORK/seed-$s.out")" >&2; exit 1; }
done
TGZ=bench-team/-/bench-team-1.0.0.tgz

# publishes SYSTEM FIRST LAST: versions FIRST..LAST, PUBLISH_CONC at once; prints "publishes/s, p50, p99".
publishes() {
  local reg=REG_$1 tok=TOKEN_$1 start end
  start=$(date +%s%N)
  seq "$2" "$3" | xargs -P "$PUBLISH_CONC" -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X PUT \
    -H "Authorization: Bearer ${!tok}" -H 'Content-Type: application/json' --data-binary @"$WORK/docs/{}.json" \
    "${!reg}bench-team" > "$WORK/pub-$1.txt"
  end=$(date +%s%N)
  if grep -qv '^20[01] ' "$WORK/pub-$1.txt"; then echo "failed publishes on $1:" >&2; grep -v '^20[01] ' "$WORK/pub-$1.txt" | sort | uniq -c >&2; exit 1; fi
  local n=$(( $3 - $2 + 1 ))
  awk -v n="$n" -v ns="$((end - start))" '{print $2 * 1000}' "$WORK/pub-$1.txt" | sort -n | awk -v n="$n" -v ns="$((end - start))" \
    '{a[NR]=$1} END {printf "%.1f publishes/s, p50 %.0fms, p99 %.0fms", n / (ns / 1e9), a[int(NR*0.5)], a[int(NR*0.99)]}'
}

# ---------------------------------------------------------------- loads
echo "uptime before the loads: $(uptime)"
echo "columns: A = 1 instance, SQLite + files | B = 2 instances behind nginx, PostgreSQL + S3 (moto)" \
  "| B' = 1 instance, PostgreSQL + files"
for round in $(seq 1 "$ROUNDS"); do
  echo "package document GET @64  round $round: A $(load 64 "${REG_A}bench-team" "Authorization: Bearer $TOKEN_A")" \
    " | B $(load 64 "${REG_B}bench-team" "Authorization: Bearer $TOKEN_B")" \
    " | B' $(load 64 "${REG_C}bench-team" "Authorization: Bearer $TOKEN_C")"
  echo "tarball GET (4 KB) @16    round $round: A $(load 16 "$REG_A$TGZ" "Authorization: Bearer $TOKEN_A")" \
    " | B $(load 16 "$REG_B$TGZ" "Authorization: Bearer $TOKEN_B")" \
    " | B' $(load 16 "$REG_C$TGZ" "Authorization: Bearer $TOKEN_C")"
done
PER=$(( PUBLISHES / ROUNDS ))
for round in $(seq 1 "$ROUNDS"); do
  first=$(( (round - 1) * PER + 1 )) last=$(( round * PER ))
  echo "publish @$PUBLISH_CONC ($PER new versions) round $round: A $(publishes A $first $last)" \
    " | B $(publishes B $first $last)  | B' $(publishes C $first $last)"
done
# The document after the publishes: PER*ROUNDS+1 versions.
echo "package document GET @64, $(( PER * ROUNDS + 1 )) versions: A $(load 64 "${REG_A}bench-team" "Authorization: Bearer $TOKEN_A")" \
  " | B $(load 64 "${REG_B}bench-team" "Authorization: Bearer $TOKEN_B")" \
  " | B' $(load 64 "${REG_C}bench-team" "Authorization: Bearer $TOKEN_C")"

# ---------------------------------------------------------------- memory and load average
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$1/status"; }
echo "RSS after the load: A $(rss "$(server_pid "$PA")"), B1 $(rss "$(server_pid "$PB1")")," \
  "B2 $(rss "$(server_pid "$PB2")"), B' $(rss "$(server_pid "$PC")"), PostgreSQL (all backends)" \
  "$(ps -u postgres -o rss= | awk '{s+=$1} END {printf "%d MB", s/1024}'), moto $(rss "$MOTO_PID")"
echo "uptime after the loads: $(uptime)"

# ---------------------------------------------------------------- where B's time goes
# Statements per document GET: log every statement for a fixed number of requests sent straight to B1.
psql_ -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
sleep 1
before=$(wc -l < "$WORK/pg/server.log")
for _ in $(seq 1 200); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN_B" "http://127.0.0.1:$PB1/bench-$ACCOUNT/npm/npm-bench/bench-team"; done
for _ in $(seq 1 200); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN_B" "http://127.0.0.1:$PB1/bench-$ACCOUNT/npm/npm-bench/$TGZ"; done
sleep 1
psql_ -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
tail -n +"$((before + 1))" "$WORK/pg/server.log" | grep 'duration:' > "$WORK/pg/window.log" || true
echo "PostgreSQL statements for 200 document GETs + 200 tarball GETs (sequential, on B1):" \
  "$(grep -c 'execute' "$WORK/pg/window.log" || true) executions; by statement (count, total ms, text):"
grep 'execute' "$WORK/pg/window.log" | sed -E 's/.*duration: ([0-9.]+) ms +execute [^:]*: (.*)/\1\t\2/' \
  | awk -F'\t' '{c[$2]++; t[$2]+=$1} END {for (s in c) printf "  %6d %9.1f  %s\n", c[s], t[s], substr(s, 1, 150)}' \
  | sort -rn | head -12

# JFR: B1's recording covers the whole run; dump it and show the hottest methods.
"$(dirname "$JAVA")/jcmd" "$(server_pid "$PB1")" JFR.dump filename="$WORK/b1-dump.jfr" >/dev/null
echo "JFR hot methods on B1 (whole run, execution samples):"
"$JFR" view --width 160 hot-methods "$WORK/b1-dump.jfr" | head -30
echo "JFR: samples by top frame's package (B1):"
"$JFR" print --events jdk.ExecutionSample --stack-depth 1 "$WORK/b1-dump.jfr" \
  | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|^--' | sed -E 's/^ +//; s/\.[A-Za-z0-9_$]+\.[A-Za-z0-9_$<>]+\(.*//' \
  | sort | uniq -c | sort -rn | head -12
echo "JFR: socket reads of 10 ms or more on B1, by peer port (PostgreSQL $PGPORT, moto $MOTO_PORT): count, total ms"
"$JFR" print --events jdk.SocketRead "$WORK/b1-dump.jfr" \
  | awk '/duration = / {d=$3; if ($4=="s") d*=1000; if ($4=="us") d/=1000} /port = / {c[$3]++; t[$3]+=d}
         END {for (p in c) printf "  port %s: %d reads, %.0f ms\n", p, c[p], t[p]}'
echo "JFR: the same reads by the first Arca frame on the stack (count, total ms, port, frame):"
"$JFR" print --events jdk.SocketRead --stack-depth 40 "$WORK/b1-dump.jfr" \
  | awk 'function flush() { if (port != "") { k = port " " (frame == "" ? "(no Arca frame)" : frame); c[k]++; t[k] += d } port = ""; frame = ""; caller = "" }
         /jdk.SocketRead \{/ {flush()}
         /duration = / {d=$3; if ($4=="s") d*=1000; if ($4=="us") d/=1000}
         /port = / {port=$3}
         /dev\.arca\./ && frame == "" {frame=$1}
         /dev\.arca\./ && !/store\.sql\./ && caller == "" && frame != $1 {caller=$1; frame = frame " <- " caller}
         END {flush(); for (k in c) printf "  %5d %8.0f  %s\n", c[k], t[k], k}' | sort -k2 -rn | head -10
