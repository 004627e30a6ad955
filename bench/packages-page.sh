#!/usr/bin/env bash
# Packages page benchmark (issue 5 acceptance): the real Packages page under Xvfb against `java -jar target/arca.jar
# server` holding 100,000 packages in one repository and 10,000 versions of one package. Prints the time to the
# first rows shown, FX pulse times while both tables are scrolled top to bottom, and the GUI heap (run with -Xmx300m).
# Builds the jar and test classes first.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb; }
mvn -q -DskipTests package test-compile
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display mvn -q validate exec:exec@packages-page-bench
