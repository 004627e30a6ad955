#!/usr/bin/env bash
# Regenerates screenshots/ from the real app: the GUI tests build the real shell (AppContext, embedded
# server) headless under Monocle and snapshot each screen into the folder named by arca.screenshots.dir.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test -Dtest='*GuiTest' -Dsurefire.failIfNoSpecifiedTests=false -Darca.screenshots.dir="$PWD/screenshots"
ls -l screenshots/
