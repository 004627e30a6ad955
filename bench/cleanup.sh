#!/usr/bin/env bash
# Cleanup benchmark (issue 14): 10,000 generic versions across 200 packages, keep the newest 10 of each and archive
# (then copy) the rest — load + plan, then execute through the engine of `arca cleanup --apply` — against two
# `java -jar target/arca.jar server` processes, one plain and one with --emulate-quotas, in alternating rounds
# (argument: rounds, default 3). Builds the jar and test classes first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests package test-compile
mvn -q validate exec:exec@cleanup-bench -Dbench.rounds="${1:-3}"
