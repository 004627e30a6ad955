#!/usr/bin/env bash
# Control-plane benchmark: 16 threads through the real AWS SDK against `java -jar target/arca.jar server`
# (DescribeRepository and ListRepositoriesInDomain over a domain of 1,000 repositories), plus server RSS.
# Usage: bench/control-plane.sh [SECONDS_PER_OPERATION]   (builds the jar and test classes first)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package test-compile
mvn -q validate exec:exec@control-plane-bench -Dbench.seconds="${1:-20}"
