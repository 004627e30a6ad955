#!/usr/bin/env bash
# Package-endpoint throughput with resource policies attached against the same load with none (issue 12 acceptance:
# within 5%). Starts `arca server` (-Xmx256m, two accounts), publishes an npm package, then runs wrk on its package
# document and its tarball with the owner's token, ROUNDS times, interleaving: no policy / a 25-statement domain
# policy and a 25-statement repository policy (conditions, wildcards, denies that do not apply) / no policy again.
# Each request is decided as the token's principal against the policies then in force. For scale, the last load of
# a round is the other account's token, let in by those policies.
# Usage: bench/policy-load.sh [ROUNDS]   (DURATION=10s per wrk run, CONNECTIONS=16, JAVA_OPTS for the server)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)}
OWNER=111122223333
CONSUMER=444455556666

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
mvn -q -DskipTests package
WORK=$(mktemp -d /tmp/arca-policy-load.XXXXXX)
cleanup() { [ -n "${ARCA_PID:-}" ] && kill "$ARCA_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source bench/lib.sh # free_port, wait_http, log, start_static_nginx, start_verdaccio

PORT=$(free_port)
"$JAVA" -Xmx256m ${JAVA_OPTS:-} -jar target/arca.jar server --port "$PORT" --data "$WORK/arca" --account-id "$OWNER" \
  --account-id "$CONSUMER" --organization-id o-exampleorg1 > "$WORK/arca.log" 2>&1 &
ARCA_PID=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/_arca/health" && break; sleep 0.5; done
export AWS_SHARED_CREDENTIALS_FILE="$WORK/arca/credentials" AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
ca() { aws --endpoint-url "http://127.0.0.1:$PORT" codeartifact "$@"; }
ca create-domain --domain bench >/dev/null
ca create-repository --domain bench --repository libs >/dev/null
TOKEN=$(ca get-authorization-token --domain bench --query authorizationToken --output text)
REGISTRY="http://127.0.0.1:$PORT/bench-$OWNER/npm/libs/"

mkdir -p "$WORK/pkg" && cd "$WORK/pkg"
echo '{"name": "left-pad", "version": "1.3.0", "main": "index.js", "license": "MIT"}' > package.json
echo "module.exports = (s, n) => String(s).padStart(n);" > index.js
printf 'registry=%s\n//%s:_authToken=%s\n' "$REGISTRY" "${REGISTRY#http://}" "$TOKEN" > .npmrc
HOME="$WORK" npm publish --loglevel=error >/dev/null
cd - >/dev/null
TARBALL="${REGISTRY}left-pad/-/left-pad-1.3.0.tgz"
DOCUMENT="${REGISTRY}left-pad"

# 25 statements per policy: the grant that applies comes last, after conditions and patterns that do not match.
policy() { # $1: the resource the grants name
  python3 - "$1" "$CONSUMER" <<'EOF'
import json, sys
resource, consumer = sys.argv[1], sys.argv[2]
statements = []
for i in range(22):
    kind = i % 4
    s = {"Sid": f"Team{i}", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{100000000000 + i}:root"},
         "Action": ["codeartifact:ReadFromRepository", "codeartifact:Describe*", "codeartifact:List*"],
         "Resource": resource}
    if kind == 1:
        s["Condition"] = {"StringLike": {"aws:PrincipalArn": [f"arn:aws:iam::*:role/team-{i}-*"]}}
    elif kind == 2:
        s["Condition"] = {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}}
    elif kind == 3:
        s["Condition"] = {"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"},
                          "ForAnyValue:StringEquals": {"aws:PrincipalTag/team": ["a", "b", "c"]}}
    statements.append(s)
statements.append({"Sid": "NoDeletes", "Effect": "Deny", "Principal": "*",
                   "Action": ["codeartifact:DeletePackage*", "codeartifact:DisposePackageVersions"], "Resource": resource})
statements.append({"Sid": "OrgOnlyPublish", "Effect": "Deny", "Principal": "*",
                   "Action": "codeartifact:PublishPackageVersion", "Resource": resource,
                   "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-exampleorg1"}}})
statements.append({"Sid": "Consumer", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{consumer}:root"},
                   "Action": ["codeartifact:ReadFromRepository", "codeartifact:GetAuthorizationToken",
                              "codeartifact:GetRepositoryEndpoint"], "Resource": resource})
print(json.dumps({"Version": "2012-10-17", "Statement": statements}, separators=(",", ":")))
EOF
}
attach() {
  ca put-domain-permissions-policy --domain bench --policy-document "$(policy '*')" >/dev/null
  ca put-repository-permissions-policy --domain bench --repository libs --policy-document "$(policy '*')" >/dev/null
}
detach() {
  ca delete-domain-permissions-policy --domain bench >/dev/null
  ca delete-repository-permissions-policy --domain bench --repository libs >/dev/null
}

load() { # $1 label, $2 url, $3 token
  local out rps p50 p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $3" "$2")
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers: $1" >&2; echo "$out" >&2; exit 1; fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  printf '%-58s %10s req/s  p50 %8s  p99 %8s\n' "$1" "$rps" "$p50" "$p99"
}

echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg); wrk $CONNECTIONS connections, $DURATION per load"
load "warm-up (not counted)" "$DOCUMENT" "$TOKEN" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "-- round $round"
  load "package document, no policy" "$DOCUMENT" "$TOKEN"
  load "tarball, no policy" "$TARBALL" "$TOKEN"
  attach
  load "package document, domain + repository policy (25 + 25)" "$DOCUMENT" "$TOKEN"
  load "tarball, domain + repository policy" "$TARBALL" "$TOKEN"
  CONSUMER_TOKEN=$(ca --profile "$CONSUMER" get-authorization-token --domain bench --domain-owner "$OWNER" \
    --query authorizationToken --output text)
  load "package document, the other account's token (allowed by both)" "$DOCUMENT" "$CONSUMER_TOKEN"
  detach
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
