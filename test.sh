#!/usr/bin/env bash
# The test command: installs what the tests need that a fresh machine lacks (Debian's chromium and
# chromium-driver for the browser tests), then runs every test with `mvn verify`.
# Extra arguments go to Maven, e.g. ./test.sh -Dit.http.port=19080 beside a running demo server.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  echo "test.sh: installing ${missing[*]} for the browser tests"
  if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; }; then
    echo "test.sh: could not install ${missing[*]}; the browser tests will fail until they are installed" >&2
  fi
fi

exec mvn -B -ntp verify "$@"
