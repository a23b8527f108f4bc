#!/usr/bin/env bash
# Installs everything the tests need, then runs them: bash scripts/test.sh [pytest arguments]
#  - Debian packages: chromium and chromium-driver (browser tests), poppler-utils (PDF text and pages).
#    Installed with apt-get when missing (as root, or with sudo). No tool downloads a browser of its own.
#  - Python: a virtual environment in .venv with the project and its test extra (installed again when
#    pyproject.toml changed).
#  - The tests run in one worker process per core (pytest-xdist, -n auto), each file's tests in one worker
#    (--dist loadfile: a file's module fixtures are made once). Give -n 0 to run them in this process.
# Exit code: pytest's; "no tests collected" (pytest's 5) counts as a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installerar systempaket: ${need[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# pip only when pyproject.toml changed since the last install by this script (pip itself takes seconds).
stamp=.venv/.test-extra-installed
wanted="$(sha256sum pyproject.toml)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
  printf '%s\n' "$wanted" > "$stamp"
fi

set +e
.venv/bin/python -m pytest -n auto --dist loadfile "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "Inga tester kördes (pytest avslutade med 5); det räknas som ett fel." >&2
  exit 1
fi
exit "$status"
