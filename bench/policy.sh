#!/usr/bin/env bash
# Policy evaluation benchmark (issue 12 acceptance: under 20 µs per request against a 50-statement policy), JMH:
# PolicyEvaluator.evaluate of a parsed 50-statement repository policy for an allow matched late, an explicit deny and
# an implicit deny. Average time per evaluation, in µs.
# Usage: bench/policy.sh [JMH OPTIONS]   (default: 1 fork, 3 warm-up and 5 measured iterations of 1 s)
# Builds the test classes first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
mvn -q validate exec:exec@policy-bench -Dbench.jmh="PolicyEvaluationBench ${*:--f 1 -wi 3 -i 5 -w 1s -r 1s}"
