#!/usr/bin/env bash
# The packed-install test: avglint as a school's project gets it, not as this repository links it. It packs every
# package (npm run pack), checks `npm publish --dry-run`, and then, once with ESLint 9 and the oldest TypeScript the
# peer ranges allow and once with ESLint 10 and the newest, in a fresh temporary project outside this repository:
#   installs the tarballs with registry dependencies only (no workspace links) — the README's "Install in your
#   project" steps —, runs `avglint init`, lints a planted violation (exit 1; SARIF and GitLab Code Quality reports
#   written by the commands of the CI templates), fixes it (exit 0), and adopts an old finding with ESLint's bulk
#   suppressions (`eslint --suppress-all`): the old finding is silent in ESLint and in `avglint scan`, a new one is
#   reported, and `--prune-suppressions` drops the entry once the old one is fixed.
# Prints one line per check and closes with `install: N passed, N failed`; exits 1 when any check failed.
#
# Usage: bash test/install/run.sh [--no-pack]   (--no-pack: use the tarballs already in pack/)
set -uo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
pack="$repo/pack"
work="$(mktemp -d "${TMPDIR:-/tmp}/avglint-install-XXXXXX")"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
started=$(date +%s)

ok() { passed=$((passed + 1)); echo "ok    $1"; }
fail() { failed=$((failed + 1)); echo "FAIL  $1"; [ -n "${2:-}" ] && sed 's/^/      | /' "$2" | tail -40; return 0; }
# expect <exit code> <what> <command...>: runs the command with its output in $work/last.log.
expect() {
  local want=$1 what=$2
  shift 2
  "$@" >"$work/last.log" 2>&1
  local got=$?
  if [ "$got" -eq "$want" ]; then ok "$what (exit $got)"; else fail "$what: exit $got, expected $want" "$work/last.log"; fi
}
# check <what> <test...>: a condition, e.g. a file's content.
check() {
  local what=$1
  shift
  if "$@" >"$work/check.log" 2>&1; then ok "$what"; else fail "$what" "$work/check.log"; fi
}

if [ "${1:-}" != "--no-pack" ]; then
  echo "== npm run pack"
  (cd "$repo" && npm run pack --silent) >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; echo "install: 0 passed, 1 failed"; exit 1; }
  tail -6 "$work/pack.log"
fi
tarballs=("$pack"/*.tgz)
check "npm run pack wrote the tarballs and the .vsix" test -f "$pack/avglint.vsix" -a -f "$pack/avglint-0.1.0.tgz" -a -f "$pack/eslint-plugin-avglint-0.1.0.tgz" -a -f "$pack/avglint-rules-0.1.0.tgz"

# `npm publish --dry-run` is clean: no warning but the one about not being logged in, which a dry run always gives.
for dir in $(cd "$repo" && node -e "const r=require('./package.json');for(const w of r.workspaces)if(!require('./'+w+'/package.json').private)console.log(w)"); do
  (cd "$repo" && npm publish --dry-run -w "$dir") >"$work/publish.log" 2>&1
  status=$?
  if [ $status -eq 0 ] && ! grep -i 'warn\|error' "$work/publish.log" | grep -qv 'requires you to be logged in'; then
    ok "npm publish --dry-run -w $dir is clean"
  else
    fail "npm publish --dry-run -w $dir (exit $status)" "$work/publish.log"
  fi
done

# One project per ESLint major: [eslint range] [typescript range].
run_project() {
  local eslint=$1 typescript=$2
  local p="$work/school-eslint${eslint//[^0-9]/}"
  echo "== a fresh project with eslint@$eslint and typescript@$typescript"
  mkdir -p "$p/src"
  cd "$p" || return
  git init -q .
  cat >package.json <<'EOF'
{ "name": "school-app", "private": true, "version": "1.0.0" }
EOF
  cat >tsconfig.json <<'EOF'
{ "compilerOptions": { "strict": true, "target": "es2022", "module": "node16", "noEmit": true, "types": [] }, "include": ["src"] }
EOF
  cat >src/sync.ts <<'EOF'
export interface Leerling {
  bsn: string;
  roepnaam: string;
}

export function meld(leerling: Leerling): void {
  console.log('gesynchroniseerd', leerling.bsn);
}
EOF

  # The README's "Install in your project" steps, from the tarballs (registry dependencies only).
  local t0=$(date +%s)
  expect 0 "npm install the tarballs with eslint@$eslint typescript@$typescript" \
    npm install --no-audit --no-fund --save-dev "eslint@$eslint" "typescript@$typescript" "${tarballs[@]}"
  echo "      npm install took $(( $(date +%s) - t0 )) s"
  check "no workspace links: every avglint package is a copy from its tarball" \
    bash -c '! find node_modules/avglint node_modules/eslint-plugin-avglint node_modules/@avglint -maxdepth 1 -type l | grep .'
  check "installed ESLint is $eslint" bash -c "node -p 'require(\"eslint/package.json\").version' | grep -q '^${eslint//[^0-9]/}\\.'"
  expect 0 "npx avglint --help" npx --no-install avglint --help
  expect 0 "npx avglint init" npx --no-install avglint init
  check "init wrote the catalogue, eslint.config.mjs, .vscode files and the GitHub workflow" \
    test -f avglint.catalogue.yaml -a -f eslint.config.mjs -a -f .vscode/extensions.json -a -f .vscode/settings.json -a -f .github/workflows/avglint.yml
  expect 0 "npx avglint init --ci gitlab (adds the GitLab job, keeps the rest)" npx --no-install avglint init --ci gitlab
  expect 0 "npx avglint init --ci shell" npx --no-install avglint init --ci shell
  expect 0 "npx avglint catalogue check" npx --no-install avglint catalogue check

  # A planted violation: the BSN in a log.
  expect 1 "npx eslint . finds the planted violation" npx --no-install eslint .
  check "ESLint reports avglint/no-personal-data-in-logs at src/sync.ts:7" grep -Eq '^ +7:[0-9]+ +error .*avglint/no-personal-data-in-logs' "$work/last.log"
  # The commands of the CI templates, as written in them.
  local github gitlab
  github=$(sed -n 's/^ *run: \(npx avglint scan .*\)$/\1/p' .github/workflows/avglint.yml)
  gitlab=$(sed -n 's/^ *- \(npx avglint scan .*\)$/\1/p' .gitlab/avglint.gitlab-ci.yml)
  expect 1 "GitHub template: $github" sh -c "$github"
  check "avglint.sarif has the finding with a fingerprint and its rule's help" node -e '
    const log = JSON.parse(require("fs").readFileSync("avglint.sarif", "utf8")); const run = log.runs[0];
    const r = run.results.find((x) => x.ruleId === "avglint/no-personal-data-in-logs" && !x.suppressions);
    if (!r || !r.partialFingerprints["avglintFinding/v1"] || !r.codeFlows) process.exit(1);
    const rule = run.tool.driver.rules[r.ruleIndex];
    if (!rule.help.markdown.includes("# ") || !rule.properties["security-severity"]) process.exit(1);'
  expect 1 "GitLab template: $gitlab" sh -c "$gitlab"
  check "gl-code-quality-report.json has the finding" node -e '
    const issues = require("./gl-code-quality-report.json");
    if (!issues.some((i) => i.check_name === "avglint/no-personal-data-in-logs" && i.location.path === "src/sync.ts" && i.location.lines.begin === 7 && i.fingerprint)) process.exit(1);'
  expect 1 "shell template: sh scripts/avglint-ci.sh" sh scripts/avglint-ci.sh

  # Fixed: no personal data in the log.
  sed -i "s/console.log('gesynchroniseerd', leerling.bsn);/console.log('gesynchroniseerd');/" src/sync.ts
  expect 0 "npx eslint . after the fix" npx --no-install eslint .
  expect 0 "GitHub template after the fix" sh -c "$github"
  expect 0 "GitLab template after the fix" sh -c "$gitlab"
  check "the GitLab report is empty after the fix" node -e 'process.exit(require("./gl-code-quality-report.json").length === 0 ? 0 : 1)'

  # Adoption: an old finding suppressed in bulk, a new one reported.
  printf "export function oud(leerling: { bsn: string }): void {\n  console.info(leerling.bsn);\n}\n" >src/oud.ts
  expect 1 "the old finding fails before it is suppressed" npx --no-install avglint scan
  expect 0 "npx eslint . --suppress-all" npx --no-install eslint . --suppress-all
  check "eslint-suppressions.json counts the avglint finding in src/oud.ts" node -e '
    const s = require("./eslint-suppressions.json");
    process.exit(s["src/oud.ts"]?.["avglint/no-personal-data-in-logs"]?.count === 1 ? 0 : 1)'
  expect 0 "npx eslint . with the suppressions file: the old finding is silent" npx --no-install eslint .
  expect 0 "npx avglint scan honours eslint-suppressions.json: the old finding is silent" npx --no-install avglint scan
  printf "export function nieuw(leerling: { bsn: string }): void {\n  console.warn(leerling.bsn);\n}\n" >src/nieuw.ts
  expect 1 "npx eslint . reports the new finding" npx --no-install eslint .
  check "ESLint reports src/nieuw.ts only" bash -c "grep -q 'nieuw.ts' '$work/last.log' && ! grep -q 'oud.ts' '$work/last.log'"
  expect 1 "npx avglint scan --format json reports the new finding" npx --no-install avglint scan --format json
  check "avglint scan reports src/nieuw.ts only, and keeps src/oud.ts as suppressed" node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const rel = (f) => require("path").relative(process.cwd(), f.file);
    const ok = r.findings.map(rel).join() === "src/nieuw.ts" && r.suppressed.some((f) => rel(f) === "src/oud.ts" && f.suppression.kind === "external");
    process.exit(ok ? 0 : 1)' "$work/last.log"
  rm src/nieuw.ts
  sed -i 's/console.info(leerling.bsn);/console.info("oud");/' src/oud.ts
  expect 0 "npx eslint . --prune-suppressions after the old finding is fixed" npx --no-install eslint . --prune-suppressions
  check "the pruned suppressions file no longer lists src/oud.ts" node -e 'process.exit(require("./eslint-suppressions.json")["src/oud.ts"] ? 1 : 0)'
  cd "$repo" || return
}

run_project '^9' '~5.5.0'
run_project '^10' '~6.0.0'

echo "== done in $(( $(date +%s) - started )) s"
echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
