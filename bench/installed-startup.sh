#!/usr/bin/env bash
# Start-up of the installed app (issue 16): the .deb from installers/build-linux.sh unpacked with dpkg -x, its launcher
# timed like bench/startup.sh times java -jar (time from process start to the first shown window under Xvfb, the CPU
# time the process had used by then, RSS 2 s later), interleaved run by run with the README's launch
# (installers/bin/arca's options on target/arca.jar). The first run of each is left out: it is the user's first start,
# after which the installed app dumps its class-data archive into the (temporary) home's cache, and the README launch
# creates its dynamic archive; the warm runs wait for both. The 1-minute load average is taken before each run, since
# the wall-clock figures on a shared machine follow it. Usage: bench/installed-startup.sh DEB [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(realpath "$1")
runs=${2:-5}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"  # where a crashing JVM leaves its hs_err file
sleep 1
dpkg -x "$deb" "$work/root"
echo "installed size: $(du -sk "$work/root" | cut -f1) KiB, .deb: $(( $(stat -c %s "$deb") / 1024 )) KiB"

declare -A shown cpu rss load
for i in $(seq 0 "$runs"); do
  for mode in installed launcher; do
    rm -f "$work/report"
    if [ "$mode" = installed ]; then
      command=("$work/root/opt/arca/bin/arca")
    else
      command=("$java" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/arca-gui.jsa" -Xlog:disable
        -Xlog:all=warning:stderr -Xlog:cds*=off:stderr -jar "$OLDPWD/target/arca.jar")
    fi
    before=$(cut -d' ' -f1 /proc/loadavg)
    HOME="$work/home-$mode" DISPLAY=$display XDG_CONFIG_HOME="$work/config-$mode" XDG_DATA_HOME="$work/data-$mode" \
      JAVA_TOOL_OPTIONS="-Darca.benchmark.startupReport=$work/report" "${command[@]}" 2>>"$work/stderr" \
      || { echo "$mode run $i failed (exit $?)"; continue; }
    if [ "$i" -eq 0 ]; then
      if [ "$mode" = installed ]; then
        for _ in $(seq 600); do
          ls "$work"/home-installed/.cache/arca/class-data/*.jsa >/dev/null 2>&1 && break
          sleep 1
        done
        echo "class-data archive: $(du -k "$work"/home-installed/.cache/arca/class-data/*.jsa | cut -f1) KiB"
      fi
      continue
    fi
    shown[$mode]+="$(sed -n 's/windowShownMillis=//p' "$work/report") "
    cpu[$mode]+="$(sed -n 's/windowShownCpuMillis=//p' "$work/report") "
    rss[$mode]+="$(( $(sed -n 's/rssKiB=//p' "$work/report") / 1024 )) "
    load[$mode]+="$before "
  done
done
stats() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {printf "min %5s  median %5s  max %5s", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "runs per launch: $runs (after one cold start each), $(nproc) cores"
for mode in installed launcher; do
  printf '%-9s window shown ms: %s   CPU ms by then: %s   RSS MiB: %s\n' "$mode" "$(stats "${shown[$mode]}")" \
    "$(stats "${cpu[$mode]}")" "$(stats "${rss[$mode]}")"
  printf '%-9s load average (1 min) before each run: %s\n' "$mode" "${load[$mode]}"
done
