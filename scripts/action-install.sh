#!/usr/bin/env bash
# GitHub Action (action.yml), step 1: installs the packed CLI globally. XXGK_PACKAGE (the
# `package` input) is an npm spec, tarball URL or path; by default the version of this action.
set -euo pipefail
spec="${XXGK_PACKAGE:-}"
if [ -z "$spec" ]; then
  version="$(node -p 'require(process.argv[1]).version' "$GITHUB_ACTION_PATH/package.json")"
  spec="xxgk-lint@$version"
fi
npm install --global --no-audit --no-fund -- "$spec"
xxgk-lint --version
