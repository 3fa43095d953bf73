#!/usr/bin/env bash
# The test command: installs what the tests need beyond the .NET SDK when it is missing, then runs every test.
# Arguments go to `dotnet test` (e.g. ./test.sh --filter FullyQualifiedName~Pages).
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests drive Debian's Chromium (never a downloaded browser build).
if ! command -v chromium >/dev/null && [ -z "${CHROMIUM_PATH:-}" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi

# The store suites also run on PostgreSQL: a throwaway cluster from Debian's server binaries (Support/PostgreSqlServer.cs).
if [ -z "${PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y postgresql
fi

exec dotnet test MarketplaceCatalog.sln "$@"
