#!/usr/bin/env bash
# Package benchmark: publish rate, asset download throughput, list latency at 100,000 packages / 10,000 versions,
# and copying 1,000 versions, against `java -jar target/arca.jar server`. Builds the jar and test classes first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package test-compile
mvn -q validate exec:exec@package-bench
