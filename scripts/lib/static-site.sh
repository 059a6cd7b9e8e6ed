# A static site on a free loopback port, served by nginx (keep-alive, like the services our users point the actions
# at). Not python's http.server: it closes every connection itself, and at a few hundred connections a second on
# loopback a handful of them end without a response ("the response ended prematurely"), which a replay rightly
# counts as transport errors; the container test then failed on some machines and passed on others.
#   start_site DIR  → serves a copy of DIR; SITE_PORT (and SITE_URL=http://127.0.0.1:PORT); stop_site stops it. One site at a time.
#   With SITE_SUBNET=CIDR (the container test's bridge network) it also admits that subnet, and SITE_URL_FOR_CONTAINERS
#   is the URL an action container uses (http://host.containers.internal:PORT): inside a container localhost is the container.
start_site() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || {
    echo "== installing nginx-light (the container test serves its loopback sites with it)"
    source "$(dirname "${BASH_SOURCE[0]}")/ensure-tools.sh"; apt_install nginx-light; }
  local root=$1 conf
  SITE_DIR=$(mktemp -d /tmp/bookiji-site-XXXXXX)
  # A copy in a folder nginx's workers (www-data) may read: the caller's temp folders are private.
  chmod 755 "$SITE_DIR"; cp -r "$root" "$SITE_DIR/root"; chmod -R a+rX "$SITE_DIR/root"; root=$SITE_DIR/root
  SITE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  conf=$SITE_DIR/nginx.conf
  local listen=127.0.0.1 access=
  if [ -n "${SITE_SUBNET:-}" ]; then listen=0.0.0.0; access="allow 127.0.0.1; allow $SITE_SUBNET; deny all;"; fi
  cat > "$conf" <<NGINX
worker_processes 1; pid $SITE_DIR/nginx.pid; error_log $SITE_DIR/error.log; daemon on;
events { worker_connections 512; }
http {
  access_log off; default_type application/json; keepalive_requests 100000;
  client_body_temp_path $SITE_DIR/body; proxy_temp_path $SITE_DIR/proxy; fastcgi_temp_path $SITE_DIR/fastcgi;
  uwsgi_temp_path $SITE_DIR/uwsgi; scgi_temp_path $SITE_DIR/scgi;
  server { listen $listen:$SITE_PORT; root $root; $access }
}
NGINX
  "$(command -v nginx || echo /usr/sbin/nginx)" -c "$conf" || { echo "nginx did not start: $(cat "$SITE_DIR/error.log" 2>/dev/null)" >&2; return 1; }
  SITE_URL=http://127.0.0.1:$SITE_PORT
  SITE_URL_FOR_CONTAINERS=http://host.containers.internal:$SITE_PORT
  export SITE_DIR SITE_PORT SITE_URL SITE_URL_FOR_CONTAINERS
}

stop_site() {
  [ -n "${SITE_DIR:-}" ] || return 0
  [ -f "$SITE_DIR/nginx.pid" ] && kill "$(cat "$SITE_DIR/nginx.pid")" 2>/dev/null || true
  rm -rf "$SITE_DIR"; SITE_DIR=
}
