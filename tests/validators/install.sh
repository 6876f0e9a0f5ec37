#!/usr/bin/env bash
# Installs the report validators used by the tests into tests/validators/node_modules
# (git-ignored): Microsoft's SARIF multitool, and ajv + ajv-formats with the
# CycloneDX library whose res/schema/ folder holds the official 1.6 JSON schema.
# The validator tests print "skipped: validator not installed" when this failed.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "validators: npm not found; validator tests will be skipped" >&2
  exit 1
fi
npm install --no-audit --no-fund --no-save --loglevel=error \
  @microsoft/sarif-multitool ajv ajv-formats @cyclonedx/cyclonedx-library
