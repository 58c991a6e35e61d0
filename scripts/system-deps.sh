#!/usr/bin/env bash
# Install the Debian packages the portal needs when they are missing (root only), or name them in one error.
#   runtime: WeasyPrint's Pango and fonts.   test: Chromium for the e2e tests, poppler to look at PDFs, caddy (the
#   reverse proxy of docker-compose.yml, run in front of gunicorn by tests/portal/test_reverse_proxy.py), and Node
#   with npm for the HTML validator (only when no `node`/`npm` is on the PATH: a newer Node may be installed otherwise).
#   bench: wrk, the HTTP load generator of `make bench`.
set -euo pipefail
kind="${1:-runtime}"
runtime_pkgs=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
test_pkgs=(chromium poppler-utils caddy)
bench_pkgs=(wrk)
case "$kind" in
  runtime) wanted=("${runtime_pkgs[@]}") ;;
  test)
    wanted=("${test_pkgs[@]}")
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then wanted+=(nodejs npm); fi
    ;;
  bench) wanted=("${bench_pkgs[@]}") ;;
  *) echo "usage: $0 runtime|test|bench" >&2; exit 2 ;;
esac

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
else
  # Not Debian: check what we can see.
  if [ "$kind" = test ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ "$kind" = test ] && ! command -v caddy >/dev/null 2>&1; then missing+=(caddy); fi
  if [ "$kind" = bench ] && ! command -v wrk >/dev/null 2>&1; then missing+=(wrk); fi
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "→ Installation des paquets système manquants : ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Paquets système manquants : ${missing[*]}" >&2
  echo "Installez-les avec : sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
