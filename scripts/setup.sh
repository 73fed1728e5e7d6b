#!/usr/bin/env bash
# Installs botaudit with its test tools into the active Python, makes sure a Chromium is
# there, and installs the npm chat widget the browser tests audit.
#
#   bash scripts/setup.sh            # everything (what CI runs)
#   bash scripts/setup.sh --no-tests # botaudit and a browser only
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=1
[ "${1:-}" = "--no-tests" ] && with_tests=0

python=${PYTHON:-python3}
echo "== installing botaudit into $($python -c 'import sys; print(sys.prefix)')"
if [ "$with_tests" = 1 ]; then
  $python -m pip install --quiet --disable-pip-version-check -e ".[test]"
else
  $python -m pip install --quiet --disable-pip-version-check .
fi

echo "== looking for a Chromium"
if $python -c 'from botaudit.browser import find_chromium; print(find_chromium() or "Playwright'"'"'s own Chromium")' 2>/dev/null; then
  :
elif command -v apt-get >/dev/null 2>&1; then
  # Playwright cannot download its browser everywhere (closed networks, CI mirrors);
  # Debian's chromium package works the same for botaudit.
  echo "   none found: installing Debian's chromium with apt-get"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  $python -c 'from botaudit.browser import find_chromium; print(find_chromium())'
else
  echo "   none found: run 'python -m playwright install chromium' or install your" >&2
  echo "   system's chromium package, or set BOTAUDIT_CHROMIUM to a Chromium binary." >&2
  exit 1
fi

if [ "$with_tests" = 1 ]; then
  echo "== installing the npm chat widget used by the browser tests"
  if command -v npm >/dev/null 2>&1; then
    npm ci --silent --no-audit --no-fund --prefix tests/fixtures/npm_widget
  else
    echo "   npm not found: the npm-widget browser tests will fail; install Node.js and npm." >&2
    exit 1
  fi
fi
echo "== done: try 'botaudit demo --profile oulubot-2022'"
