#!/usr/bin/env bash
# Upstream graph benchmark (issue 11 acceptance), on domains created through the SDK in `java -jar target/arca.jar
# server` (its own process), shaped as TieredDomain says (teams → shared → platform → stores with connections):
#   load — UpstreamGraphSource.load of a 100-repository domain through the real SDK, cold in fresh JVMs, then warm
#   page — a 1,000-repository domain (3,070 upstream edges): GraphLayout.of cold and warm; the real Upstream graph
#          page under Xvfb from the picture being set to the first frame showing it; FX pulses and rendered frames
#          while it is zoomed and panned. The GUI runs with -Xmx300m and the Prism software pipeline (GPU-less host).
# Usage: bench/graph.sh [load] [page]   (both by default). Builds the jar and test classes first.
set -euo pipefail
cd "$(dirname "$0")/.."
SECTIONS=${*:-load page}
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb; }
mvn -q -DskipTests package test-compile
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ " $SECTIONS " == *" load "* ]]; then
  mvn -q validate exec:exec@graph-load-bench
fi
if [[ " $SECTIONS " == *" page "* ]]; then
  display=:$((80 + RANDOM % 9))
  Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill "$xvfb" 2>/dev/null || true' EXIT
  sleep 1
  DISPLAY=$display mvn -q validate exec:exec@graph-page-bench
fi
