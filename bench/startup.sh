#!/usr/bin/env bash
# Start-up benchmark, GUI on the embedded server under Xvfb: time from process start to the first shown
# window, and the process RSS 2 s later (embedded server running). Two launches, interleaved run by run:
#   plain    java -jar target/arca.jar
#   launcher what installers/bin/arca and the README's run command do: the same plus installers/jvm-options and a
#            self-maintained CDS archive
# The first run of each is a cold start (it also creates the archive) and is left out of the figures.
# Usage: bench/startup.sh [RUNS]      Needs target/arca.jar (mvn -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}

java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -x "$java" ] || { echo "JDK 25 not found: set JAVA_HOME" >&2; exit 2; }
[ -f target/arca.jar ] || { echo "target/arca.jar is missing: run mvn -DskipTests package" >&2; exit 2; }
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb; }

work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

declare -A options=(
  [plain]=""
  [launcher]="@installers/jvm-options -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$work/arca-gui.jsa -Xlog:disable -Xlog:all=warning:stderr -Xlog:cds*=off:stderr"
)
declare -A shown rss
for i in $(seq 0 "$runs"); do
  for mode in plain launcher; do
    rm -f "$work/report"
    # shellcheck disable=SC2086
    DISPLAY=$display ARCA_CONFIG_DIR="$work/config" XDG_DATA_HOME="$work/data" \
      "$java" ${options[$mode]} -Darca.benchmark.startupReport="$work/report" -jar target/arca.jar 2>>"$work/stderr"
    [ "$i" -eq 0 ] && continue
    shown[$mode]+="$(sed -n 's/windowShownMillis=//p' "$work/report") "
    rss[$mode]+="$(( $(sed -n 's/rssKiB=//p' "$work/report") / 1024 )) "
  done
done

stats() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {printf "min %5d  median %5d  max %5d", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "runs per launch: $runs (after one cold start each), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
for mode in plain launcher; do
  printf '%-9s window shown ms: %s   RSS MiB: %s\n' "$mode" "$(stats "${shown[$mode]}")" "$(stats "${rss[$mode]}")"
done
