#!/usr/bin/env bash
# Installs what the editor tiers need, and skips whatever is already there, so `npm run test:e2e` can call it on every
# run: Debian's Chromium and neovim, the build dependencies of code-server's native modules, a ripgrep download cache
# made from Debian's rg (the machine reaches only the npm registry and Debian), and code-server + playwright-core in
# test/e2e/.tools (never in the root workspace, whose lock file the rest of the team shares).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/.tools"
code_server_version=4.100.3
playwright_version=1.49.1
ripgrep_version=1.15.11
export DEBIAN_FRONTEND=noninteractive

log() { echo "[e2e install] $*"; }
started=$(date +%s)

# 1. Debian packages. dpkg-query tells what is installed without touching the network; apt-get runs only when
#    something is missing.
apt_packages=(chromium neovim ripgrep build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  log "Debian packages present: ${apt_packages[*]}"
fi

# 2. @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the archive; Debian's rg
#    (13.x, the version the archive name promises) stands in for it.
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$ripgrep_version"
rg_archive="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$rg_archive" ]; then
  log "ripgrep cache from /usr/bin/rg -> $rg_archive"
  mkdir -p "$rg_cache"
  staging="$(mktemp -d)"
  cp /usr/bin/rg "$staging/rg"
  tar -C "$staging" -czf "$rg_archive" rg
  rm -rf "$staging"
fi

# 3. code-server and playwright-core in their own npm prefix. The package.json written here approves exactly the two
#    install scripts code-server needs (its postinstall installs VS Code's dependencies and builds the native modules;
#    argon2 builds its password hasher), because npm 11 blocks dependency install scripts that allowScripts does not
#    cover.
installed_ok() {
  [ -f "$tools/node_modules/code-server/package.json" ] &&
    [ "$(node -p "require('$tools/node_modules/code-server/package.json').version")" = "$code_server_version" ] &&
    [ -e "$tools/node_modules/code-server/lib/vscode/node_modules.asar" ] &&
    [ -f "$tools/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] &&
    [ -x "$tools/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -f "$tools/node_modules/playwright-core/package.json" ] &&
    [ "$(node -p "require('$tools/node_modules/playwright-core/package.json').version")" = "$playwright_version" ]
}
if installed_ok; then
  log "code-server $code_server_version and playwright-core $playwright_version present in $tools"
else
  log "npm install code-server@$code_server_version playwright-core@$playwright_version into $tools"
  mkdir -p "$tools"
  cat > "$tools/package.json" <<EOF
{
  "name": "avglint-e2e-tools",
  "private": true,
  "description": "Tools for avglint's editor tests, installed by test/e2e/install.sh; not part of the workspace.",
  "dependencies": {
    "code-server": "$code_server_version",
    "playwright-core": "$playwright_version"
  },
  "allowScripts": {
    "code-server@$code_server_version": true,
    "argon2": true
  }
}
EOF
  # code-server's postinstall refuses to run as root unless the variable npm_config_unsafe_perm is true (a check left
  # from npm 6; npm 7 dropped the `unsafe-perm` config and npm 11 warns about it). So npm itself is not given it: the
  # install scripts run through a shell that sets the variable for them alone. node-pty's build calls npx, which must
  # not stop to ask (CI has no stdin).
  script_shell="$tools/script-shell.sh"
  printf '#!/bin/sh\n# Written by test/e2e/install.sh: see there.\nnpm_config_unsafe_perm=true exec /bin/sh "$@"\n' > "$script_shell"
  chmod +x "$script_shell"
  (cd "$tools" && npm_config_yes=true \
    npm install --prefix "$tools" --no-audit --no-fund --no-package-lock --workspaces=false --loglevel=warn \
      --script-shell="$script_shell")
  if ! installed_ok; then
    log "code-server's install is incomplete: see the npm output above (postinstall, native modules, ripgrep)"
    exit 1
  fi
fi
log "done in $(( $(date +%s) - started )) s"
