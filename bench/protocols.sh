#!/usr/bin/env bash
# Protocol benchmark, side by side in one run (docs/benchmarks.md; peers as ../shared/design/PEERS.md says):
#   npm  — `npm install` of a project with 50 dependencies, tarball and package-document GETs: Arca vs Verdaccio 6.8
#   bytes — 1 MB downloads: Arca vs Verdaccio vs nginx serving the same file (the ceiling)
#           (bench/downloads.sh: the same download against nginx, Nexus, Arca before/after and the decrypt ceiling)
#   maven — artifact GETs and `mvn` resolution time: Arca vs Sonatype Nexus 3.71       (SECTIONS=maven)
#   pypi  — `pip install` of 20 wheels: Arca vs nginx serving a static PEP 503 tree    (SECTIONS=pypi)
# Every load is wrk on loopback at equal concurrency, interleaved, ROUNDS times. Arca runs as `arca server` with
# -Xmx256m (the heap target); its heap and RSS after the load are printed at the end.
# Usage: bench/protocols.sh [ROUNDS]   (SECTIONS="npm bytes maven pypi" by default; DURATION=10s per wrk run)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECTIONS=${SECTIONS:-npm bytes maven pypi}
DURATION=${DURATION:-10s}
PEERS_DIR=${PEERS_DIR:-/tmp/arca-peers}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)}

bench/peers.sh >/dev/null
mvn -q -DskipTests package
WORK=$(mktemp -d /tmp/arca-protocols.XXXXXX)
chmod 755 "$WORK" # nginx's workers read the files it serves
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${NGINX_CONF:-}" ] && nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true
  pkill -f "$PEERS_DIR/nexus/nexus-base-template" 2>/dev/null || true # its launcher does not exec the JVM
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source bench/lib.sh # free_port, wait_http, log, start_static_nginx, start_verdaccio

# wrk: prints "req/s  p50  p99" (latencies in ms) for URL, with optional extra header.
load() {
  local conns=$1 url=$2 header=${3:-}
  local out threads=$(( conns < 2 ? conns : 2 ))
  if [ -n "$header" ]; then
    out=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --latency -H "$header" "$url")
  else
    out=$(wrk -t"$threads" -c"$conns" -d"$DURATION" --latency "$url")
  fi
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $url" >&2; echo "$out" >&2; exit 1; fi
  local rps p50 p99 tps
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  tps=$(echo "$out" | awk '/Transfer\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "$rps req/s, $tps/s, p50 $p50, p99 $p99"
}

# ---------------------------------------------------------------- Arca
AP=$(free_port)
"$JAVA" -Xmx256m -jar target/arca.jar server --port "$AP" --data "$WORK/arca" > "$WORK/arca.log" 2>&1 &
ARCA_PID=$!
PIDS+=("$ARCA_PID")
wait_http "http://127.0.0.1:$AP/_arca/health"
export AWS_SHARED_CREDENTIALS_FILE="$WORK/arca/credentials" AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
ca() { aws --endpoint-url "http://127.0.0.1:$AP" codeartifact "$@"; }
ca create-domain --domain bench >/dev/null
TOKEN=$(ca get-authorization-token --domain bench --query authorizationToken --output text)
AUTH="Authorization: Bearer $TOKEN"
ARCA_BASE="http://127.0.0.1:$AP/bench-123456789012"

# ---------------------------------------------------------------- npm packages used by npm and bytes
make_packages() {
  mkdir -p "$WORK/pkgs" && cd "$WORK/pkgs"
  for i in $(seq -w 1 50); do
    mkdir -p "src/bench-dep-$i"
    printf '{"name":"bench-dep-%s","version":"1.0.0","main":"index.js","license":"MIT"}\n' "$i" \
      > "src/bench-dep-$i/package.json"
    head -c 3000 /dev/urandom | base64 | sed 's/^/\/\/ /' > "src/bench-dep-$i/index.js"
    (cd "src/bench-dep-$i" && npm pack --silent --pack-destination "$WORK/pkgs" >/dev/null)
  done
  mkdir -p src/big-blob
  printf '{"name":"big-blob","version":"1.0.0","license":"MIT"}\n' > src/big-blob/package.json
  head -c 1048576 /dev/urandom > src/big-blob/blob.bin
  (cd src/big-blob && npm pack --silent --pack-destination "$WORK/pkgs" >/dev/null)
  cd - >/dev/null
}

publish_all() { # registry userconfig
  for tgz in "$WORK"/pkgs/*.tgz; do
    npm publish "$tgz" --registry "$1" --userconfig "$2" --no-audit --loglevel=error >/dev/null
  done
}

setup_npm() {
  [ -n "${NPM_READY:-}" ] && return 0
  log "npm: packing 51 packages, publishing to Arca and Verdaccio"
  ca create-repository --domain bench --repository npm-bench >/dev/null
  AREG="$ARCA_BASE/npm/npm-bench/"
  printf '//127.0.0.1:%s/bench-123456789012/npm/npm-bench/:_authToken=%s\n' "$AP" "$TOKEN" > "$WORK/npmrc-arca"
  make_packages
  start_verdaccio
  publish_all "$AREG" "$WORK/npmrc-arca"
  publish_all "$VREG" "$WORK/npmrc-verdaccio"
  NPM_READY=1
}

npm_install_time() { # registry userconfig round
  local project="$WORK/project-$3-$RANDOM"
  mkdir -p "$project"
  {
    printf '{"name":"bench-app","version":"1.0.0","private":true,"dependencies":{'
    for i in $(seq -w 1 50); do printf '"bench-dep-%s":"1.0.0"%s' "$i" "$([ "$i" = 50 ] || echo ,)"; done
    printf '}}\n'
  } > "$project/package.json"
  local start end
  start=$(date +%s%N)
  (cd "$project" && npm install --registry "$1" --userconfig "$2" --cache "$project/.cache" --prefer-online \
    --no-audit --no-fund --no-update-notifier --loglevel=error >/dev/null)
  end=$(date +%s%N)
  rm -rf "$project"
  echo "$(( (end - start) / 1000000 )) ms"
}

section_npm() {
  setup_npm
  for round in $(seq 1 "$ROUNDS"); do
    echo "npm install, 50 dependencies, cold cache   round $round: Arca $(npm_install_time "$AREG" "$WORK/npmrc-arca" a$round)" \
      " | Verdaccio $(npm_install_time "$VREG" "$WORK/npmrc-verdaccio" v$round)"
  done
  for round in $(seq 1 "$ROUNDS"); do
    echo "tarball GET (4 KB) @16         round $round: Arca $(load 16 "${AREG}bench-dep-01/-/bench-dep-01-1.0.0.tgz" "$AUTH")" \
      " | Verdaccio $(load 16 "${VREG}bench-dep-01/-/bench-dep-01-1.0.0.tgz")"
    echo "package document GET @64       round $round: Arca $(load 64 "${AREG}bench-dep-01" "$AUTH")" \
      " | Verdaccio $(load 64 "${VREG}bench-dep-01")"
    echo "package document GET @16       round $round: Arca $(load 16 "${AREG}bench-dep-03" "$AUTH")" \
      " | Verdaccio $(load 16 "${VREG}bench-dep-03")"
    echo "package document GET @1        round $round: Arca $(load 1 "${AREG}bench-dep-04" "$AUTH")" \
      " | Verdaccio $(load 1 "${VREG}bench-dep-04")"
    echo "tarball GET @1 connection      round $round: Arca $(load 1 "${AREG}bench-dep-02/-/bench-dep-02-1.0.0.tgz" "$AUTH")" \
      " | Verdaccio $(load 1 "${VREG}bench-dep-02/-/bench-dep-02-1.0.0.tgz")"
  done
}

# nginx serving $WORK/nginx/files on port $NX, started once.
ensure_nginx() {
  [ -n "${NX:-}" ] && return 0
  start_static_nginx "$WORK/nginx"
}

section_bytes() {
  setup_npm
  ensure_nginx
  cp "$WORK/pkgs/big-blob-1.0.0.tgz" "$WORK/nginx/files/"
  for round in $(seq 1 "$ROUNDS"); do
    echo "1 MB download @16              round $round: Arca $(load 16 "${AREG}big-blob/-/big-blob-1.0.0.tgz" "$AUTH")" \
      " | Verdaccio $(load 16 "${VREG}big-blob/-/big-blob-1.0.0.tgz")" \
      " | nginx $(load 16 "http://127.0.0.1:$NX/big-blob-1.0.0.tgz")"
  done
}

# 20 tiny wheels (bench_wheel_01..20), built without any packaging tool: a wheel is a zip with its dist-info.
make_wheels() {
  mkdir -p "$WORK/wheels"
  python3 - "$WORK/wheels" <<'PY'
import base64, hashlib, os, sys, zipfile
out = sys.argv[1]
for i in range(1, 21):
    name = f"bench_wheel_{i:02d}"
    info = f"{name}-1.0.0.dist-info"
    files = {
        f"{name}/__init__.py": (f"VALUE = {i}\n" + "# " + "x" * 2000 + "\n").encode(),
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: 1.0.0\n".encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: arca-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},"
                     f"{len(data)}\n" for path, data in files.items()) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    with zipfile.ZipFile(os.path.join(out, f"{name}-1.0.0-py3-none-any.whl"), "w") as wheel:
        for path, data in files.items():
            wheel.writestr(path, data)
PY
}

# A static PEP 503 tree of the same wheels for nginx: what a plain file server can do.
static_index() {
  local root=$1 project whl
  mkdir -p "$root/simple" "$root/files"
  cp "$WORK"/wheels/*.whl "$root/files/"
  {
    echo "<!DOCTYPE html><html><body>"
    for whl in "$WORK"/wheels/*.whl; do
      project=$(basename "$whl" | cut -d- -f1 | tr _ -)
      echo "<a href=\"$project/\">$project</a>"
      mkdir -p "$root/simple/$project"
      printf '<!DOCTYPE html><html><body><a href="../../files/%s#sha256=%s">%s</a></body></html>\n' \
        "$(basename "$whl")" "$(sha256sum "$whl" | cut -d' ' -f1)" "$(basename "$whl")" \
        > "$root/simple/$project/index.html"
    done
    echo "</body></html>"
  } > "$root/simple/index.html"
}

pip_install_time() { # index-url round
  local venv="$WORK/venv-$2" start end
  python3 -m venv "$venv"
  start=$(date +%s%N)
  env -u PIP_FIND_LINKS -u PIP_INDEX_URL PIP_CONFIG_FILE=/dev/null HOME="$WORK/home-$2" \
    "$venv/bin/pip" install -q --no-cache-dir --disable-pip-version-check --index-url "$1" \
    $(for i in $(seq -w 1 20); do printf 'bench-wheel-%s ' "$i"; done) >/dev/null
  end=$(date +%s%N)
  rm -rf "$venv"
  echo "$(( (end - start) / 1000000 )) ms"
}

section_pypi() {
  log "pypi: building 20 wheels, uploading them to Arca with twine, and a static index for nginx"
  ca create-repository --domain bench --repository pypi-bench >/dev/null
  make_wheels
  TWINE_USERNAME=aws TWINE_PASSWORD="$TOKEN" twine upload --disable-progress-bar --non-interactive \
    --repository-url "$ARCA_BASE/pypi/pypi-bench/" "$WORK"/wheels/*.whl >/dev/null
  ensure_nginx
  static_index "$WORK/nginx/files/pypi"
  local arca_index="http://aws:$TOKEN@127.0.0.1:$AP/bench-123456789012/pypi/pypi-bench/simple/"
  for round in $(seq 1 "$ROUNDS"); do
    echo "project page GET @64           round $round: Arca $(load 64 "$ARCA_BASE/pypi/pypi-bench/simple/bench-wheel-01/" "$AUTH")" \
      " | nginx static page $(load 64 "http://127.0.0.1:$NX/pypi/simple/bench-wheel-01/")"
  done
  for round in $(seq 1 "$ROUNDS"); do
    echo "pip install of 20 wheels, no cache          round $round: Arca $(pip_install_time "$arca_index" "a$round")" \
      " | nginx static index $(pip_install_time "http://127.0.0.1:$NX/pypi/simple/" "n$round")"
  done
}

start_nexus() {
  local home="$PEERS_DIR/nexus/nexus-base-template-3.71.0-06"
  NP=$(free_port)
  rm -rf "$PEERS_DIR/nexus/sonatype-work" # a fresh instance each run: releases cannot be deployed twice
  sed -i "s/^application-port=.*/application-port=$NP/" "$home/etc/nexus-default.properties"
  log "maven: starting Nexus on port $NP (a minute or two)"
  (exec "$home/bin/nexus" server > "$WORK/nexus.log" 2>&1) & # `run` would read a console from stdin and stop at its end
  PIDS+=("$!")
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NP/service/rest/v1/status/writable")" = 200 ] && break
    sleep 0.5
  done
  NEXUS_PASSWORD=$(cat "$PEERS_DIR/nexus/sonatype-work/nexus3/admin.password")
  NEXUS="http://127.0.0.1:$NP/repository/maven-releases"
  NEXUS_AUTH="Authorization: Basic $(printf 'admin:%s' "$NEXUS_PASSWORD" | base64 -w0)"
  # "writable" comes before the admin user and the default repositories are ready
  for _ in $(seq 1 240); do
    curl -sf -H "$NEXUS_AUTH" "http://127.0.0.1:$NP/service/rest/v1/repositories" | grep -q maven-releases && break
    sleep 0.5
  done
}

# Deploys bench:lib-01..20:1.0 (a 4 KB jar and its POM) with HTTP PUTs, as mvn deploy does; Arca also gets the
# artifact's maven-metadata.xml, which is what publishes a Maven version there.
deploy_libs() { # base-url auth-header
  local base=$1 auth=$2 i jar
  for i in $(seq -w 1 20); do
    jar="$WORK/maven/lib-$i-1.0.jar"
    # -T, as a file upload: --data-binary would send it as a form, which Nexus tries to decode
    curl -sf -H "$auth" -T "$jar" "$base/bench/lib-$i/1.0/lib-$i-1.0.jar" >/dev/null
    curl -sf -H "$auth" -T "$WORK/maven/lib-$i-1.0.pom" "$base/bench/lib-$i/1.0/lib-$i-1.0.pom" >/dev/null
    printf '<metadata><groupId>bench</groupId><artifactId>lib-%s</artifactId><versioning><latest>1.0</latest><release>1.0</release><versions><version>1.0</version></versions><lastUpdated>20261122000000</lastUpdated></versioning></metadata>\n' "$i" \
      | curl -sf -H "$auth" -T - "$base/bench/lib-$i/maven-metadata.xml" >/dev/null || true
  done
}

mvn_resolve_time() { # repository-url username password round
  local project="$WORK/consumer-$4"
  mkdir -p "$project"
  cat > "$WORK/maven/settings-$4.xml" <<EOF
<settings><servers><server><id>target</id><username>$2</username><password>$3</password></server></servers></settings>
EOF
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo '<groupId>bench</groupId><artifactId>consumer</artifactId><version>1.0</version><packaging>pom</packaging>'
    echo "<repositories><repository><id>target</id><url>$1</url></repository></repositories>"
    echo "<pluginRepositories><pluginRepository><id>machine</id><url>file://$HOME/.m2/repository</url>"
    echo '<releases><checksumPolicy>ignore</checksumPolicy></releases></pluginRepository></pluginRepositories>'
    echo '<dependencies>'
    for i in $(seq -w 1 20); do echo "<dependency><groupId>bench</groupId><artifactId>lib-$i</artifactId><version>1.0</version></dependency>"; done
    echo '</dependencies></project>'
  } > "$project/pom.xml"
  # Plugins come from this machine's local repository (file://, as in the Maven end-to-end test): a first, untimed
  # run brings them into the fresh local repository; the artifacts it resolved are removed before the timed run.
  local repo="$WORK/m2-$4"
  (cd "$project" && mvn -B -q -s "$WORK/maven/settings-$4.xml" -gs "$WORK/maven/empty.xml" -Dmaven.repo.local="$repo" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:resolve >/dev/null)
  rm -rf "$repo/bench"
  local start end
  start=$(date +%s%N)
  (cd "$project" && mvn -B -q -s "$WORK/maven/settings-$4.xml" -gs "$WORK/maven/empty.xml" -Dmaven.repo.local="$repo" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:resolve >/dev/null)
  end=$(date +%s%N)
  [ "$(find "$repo/bench" -name '*.jar' | wc -l)" = 20 ] || { echo "mvn did not resolve the 20 jars from $1" >&2; exit 1; }
  rm -rf "$project" "$repo"
  echo "$(( (end - start) / 1000000 )) ms"
}

section_maven() {
  mkdir -p "$WORK/maven"
  echo '<settings/>' > "$WORK/maven/empty.xml"
  for i in $(seq -w 1 20); do
    python3 -c 'import os, sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w"); z.writestr("data.bin", os.urandom(3000))' \
      "$WORK/maven/lib-$i-1.0.jar"
    printf '<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>lib-%s</artifactId><version>1.0</version></project>\n' \
      "$i" > "$WORK/maven/lib-$i-1.0.pom"
  done
  ca create-repository --domain bench --repository maven-bench >/dev/null
  local arca="$ARCA_BASE/maven/maven-bench"
  deploy_libs "$arca" "$AUTH"
  start_nexus
  deploy_libs "$NEXUS" "$NEXUS_AUTH"
  # Reads anonymous, as PEERS.md measured Nexus (its password check per request would halve its figures)
  curl -sf -X PUT -H "$NEXUS_AUTH" -H 'Content-Type: application/json' \
    -d '{"enabled": true, "userId": "anonymous", "realmName": "NexusAuthorizingRealm"}' \
    "http://127.0.0.1:$NP/service/rest/v1/security/anonymous" >/dev/null
  # PEERS.md measured Nexus after minutes of use: warm it on both loads first (NEXUS_WARMUP per load).
  log "maven: letting Nexus warm up (${NEXUS_WARMUP:-90s} on each load)"
  wrk -t2 -c16 -d"${NEXUS_WARMUP:-90s}" "$NEXUS/bench/lib-01/1.0/lib-01-1.0.jar" >/dev/null
  wrk -t2 -c64 -d"${NEXUS_WARMUP:-90s}" "$NEXUS/bench/lib-01/maven-metadata.xml" >/dev/null
  wrk -t2 -c16 -d10s -H "$AUTH" "$arca/bench/lib-01/1.0/lib-01-1.0.jar" >/dev/null # and Arca, briefly
  for round in $(seq 1 "$ROUNDS"); do
    echo "Maven jar GET (3 KB) @16       round $round: Arca $(load 16 "$arca/bench/lib-01/1.0/lib-01-1.0.jar" "$AUTH")" \
      " | Nexus $(load 16 "$NEXUS/bench/lib-01/1.0/lib-01-1.0.jar")"
    echo "maven-metadata.xml GET @64     round $round: Arca $(load 64 "$arca/bench/lib-01/maven-metadata.xml" "$AUTH")" \
      " | Nexus $(load 64 "$NEXUS/bench/lib-01/maven-metadata.xml")"
    echo "maven-metadata.xml GET @16     round $round: Arca $(load 16 "$arca/bench/lib-02/maven-metadata.xml" "$AUTH")" \
      " | Nexus $(load 16 "$NEXUS/bench/lib-02/maven-metadata.xml")"
  done
  for round in $(seq 1 "$ROUNDS"); do
    echo "mvn resolve of 20 artifacts, fresh local repo  round $round: Arca $(mvn_resolve_time "$arca/" aws "$TOKEN" a$round)" \
      " | Nexus $(mvn_resolve_time "$NEXUS/" admin "$NEXUS_PASSWORD" n$round)"
  done
}

for section in $SECTIONS; do
  if declare -F "section_$section" >/dev/null; then
    "section_$section"
  else
    log "section $section: not available in this build of the benchmark"
  fi
done

jcmd "$ARCA_PID" GC.run >/dev/null 2>&1 || true
echo "Arca server: heap $(jcmd "$ARCA_PID" GC.heap_info 2>/dev/null | grep -o 'committed [0-9]*K, used [0-9]*K' | head -1)," \
  "RSS $(awk '/VmRSS/ {print $2 / 1024 " MiB"}' /proc/"$ARCA_PID"/status), -Xmx256m"
