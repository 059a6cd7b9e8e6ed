# A throwaway PostgreSQL on a free loopback port for scripts (the tests have their own C# fixture).
# start_pg sets PG_URL (postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres); stop_pg removes it. With PG_SUBNET=CIDR
# (the container test's bridge network) it also admits that subnet, and PG_URL_FOR_CONTAINERS names the host as an
# action container reaches it (host.containers.internal): inside a container localhost is the container.
start_pg() {
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; }
  PG_DIR=$(mktemp -d /tmp/bookiji-pg-XXXXXX)
  local pw; pw=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  echo "$pw" > "$PG_DIR/pw"
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local run=(); [ "$(id -u)" = 0 ] && { chown -R postgres:postgres "$PG_DIR"; run=(runuser -u postgres --); }
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --pwfile "$PG_DIR/pw" --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync >/dev/null
  local listen=127.0.0.1
  if [ -n "${PG_SUBNET:-}" ]; then
    listen='*'; echo "host all all $PG_SUBNET scram-sha-256" >> "$PG_DIR/data/pg_hba.conf"
  fi
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -o "-p $port -c listen_addresses=$listen -k $PG_DIR -c fsync=off" start >/dev/null
  rm -f "$PG_DIR/pw"
  PG_BIN=$bin PG_PORT=$port
  PG_URL="postgres://postgres:$pw@127.0.0.1:$port/postgres"
  PG_URL_FOR_CONTAINERS="postgres://postgres:$pw@host.containers.internal:$port/postgres"
  export PG_URL PG_URL_FOR_CONTAINERS PG_DIR PG_BIN PG_PORT
}

stop_pg() {
  [ -n "${PG_DIR:-}" ] || return 0
  local run=(); [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

# psql_q SQL → the value, via the server's Unix socket as the superuser (trust).
psql_q() { local run=(); [ "$(id -u)" = 0 ] && run=(runuser -u postgres --); "${run[@]}" psql -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres -tAc "$1"; }
