#!/bin/sh
# avglint in any CI that runs a shell step (Jenkins, Azure Pipelines, Bitbucket, Woodpecker, a pre-push hook), written
# by `npx avglint init`. Run it after `npm ci` at the project root. It prints every finding with its flow path and exits
# 0 when the code is clean, 1 on findings (fail the build), 2 when the catalogue is missing or broken.
# With AVGLINT_SARIF=<file> it writes a SARIF 2.1.0 report there instead (for a server that reads SARIF); with
# AVGLINT_GITLAB=<file> a GitLab Code Quality report. More: https://github.com/avglint/avglint#ci
set -eu
if [ -n "${AVGLINT_SARIF:-}" ]; then
  exec npx --no-install avglint scan --format sarif --output "$AVGLINT_SARIF"
elif [ -n "${AVGLINT_GITLAB:-}" ]; then
  exec npx --no-install avglint scan --format gitlab --output "$AVGLINT_GITLAB"
fi
exec npx --no-install avglint scan
