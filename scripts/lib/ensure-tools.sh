# Installs what the tests and the demo need when a fresh machine lacks it (Debian packages, as root).
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${_APT_UPDATED:-}" ]; then apt-get update -q >/dev/null; _APT_UPDATED=1; fi
  apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet on PATH); install it, then re-run." >&2
    exit 2
  fi
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
}

ensure_postgres_server() {
  if [ -n "${BOOKIJI_TEST_DATABASE_URL:-}" ]; then return; fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "== installing the PostgreSQL server (tests start a throwaway one on loopback)"
    apt_install postgresql
  fi
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "== installing Node.js and npm (for GitHub's workflow parser)"
    apt_install nodejs npm
  fi
}

ensure_redis_server() {
  if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then
    echo "== installing redis-server (tests start a throwaway one on loopback)"
    apt_install redis-server
  fi
  # Debian starts a system instance on 6379; the tests use their own on a free port, so it is not needed.
}
