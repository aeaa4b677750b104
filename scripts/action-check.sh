#!/usr/bin/env bash
# GitHub Action (action.yml), step 2: runs `xxgk-lint check` with the inputs from the
# environment. Paths and extra arguments are split at white space into an array (`read -a`: no
# command substitution, no glob expansion; xxgk-lint expands globs itself) and passed as
# separate arguments. With the cache input, results are kept in .xxgk-lint-cache (the step
# before restores it and saves it after the job). Writes the exit code and the SARIF file's path as step outputs, and the
# counts to the job summary.
set -uo pipefail
read -r -a paths <<< "${XXGK_PATHS:-}"
read -r -a extra <<< "${XXGK_ARGS:-}"
tmp="${RUNNER_TEMP:-$(mktemp -d)}"
json="$tmp/xxgk-lint.json"
outputs=(-f "${XXGK_FORMAT:-github}" -f "json:$json")
sarif=""
if [ "${XXGK_SARIF:-false}" = "true" ]; then
  sarif="$tmp/xxgk-lint.sarif"
  outputs+=(-f "sarif:$sarif")
fi
if [ "${XXGK_CACHE:-false}" = "true" ]; then
  outputs+=(--cache-location .xxgk-lint-cache)
fi
code=0
xxgk-lint check "${outputs[@]}" --fail-severity "${XXGK_FAIL_SEVERITY:-error}" "${extra[@]}" -- "${paths[@]}" || code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
  if [ -f "$sarif" ]; then echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"; fi
fi
if [ "${XXGK_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$json" ]; then
  node "$(dirname "$0")/action-summary.mjs" "$json" >> "$GITHUB_STEP_SUMMARY" || true
fi
# The step itself succeeds so that the SARIF upload runs; the action's last step fails with $code.
exit 0
