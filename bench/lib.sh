# Shared by the bench scripts (sourced): free ports, waiting for a server, progress lines, nginx serving static
# files — the ceiling the protocol benchmarks compare Arca with — and Verdaccio, the npm peer.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 1 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
log() { echo "# $*" >&2; }

# start_static_nginx DIR: Debian's nginx serving DIR/files on a free port (sendfile on, two workers, no access log);
# sets NX (its port) and NGINX_CONF (stop it with: nginx -c "$NGINX_CONF" -s stop). DIR must be readable by nginx.
start_static_nginx() {
  local dir=$1
  NX=$(free_port)
  NGINX_CONF="$dir/nginx.conf"
  mkdir -p "$dir/files"
  cat > "$NGINX_CONF" <<CONF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on;
  client_body_temp_path $dir; proxy_temp_path $dir; fastcgi_temp_path $dir;
  uwsgi_temp_path $dir; scgi_temp_path $dir;
  server { listen 127.0.0.1:$NX; root $dir/files; }
}
CONF
  nginx -c "$NGINX_CONF"
  for _ in $(seq 1 50); do [ -f "$dir/nginx.pid" ] && return 0; sleep 0.1; done
  echo "nginx did not start" >&2; exit 1
}

# start_verdaccio: Verdaccio from PEERS_DIR (bench/peers.sh) with its storage in WORK/verdaccio, a user "bench" whose
# token is in WORK/npmrc-verdaccio; sets VP (port), VREG (registry URL), VTOKEN and VERDACCIO_PID, added to PIDS.
start_verdaccio() {
  VP=$(free_port)
  mkdir -p "$WORK/verdaccio"
  cat > "$WORK/verdaccio/config.yaml" <<CONF
storage: $WORK/verdaccio/storage
listen: 127.0.0.1:$VP
auth: {htpasswd: {file: $WORK/verdaccio/htpasswd}}
uplinks: {}
packages: {'**': {access: \$all, publish: \$authenticated}}
log: {type: stdout, format: pretty, level: error}
CONF
  (cd "$PEERS_DIR/verdaccio" && exec node_modules/.bin/verdaccio --config "$WORK/verdaccio/config.yaml" \
    > "$WORK/verdaccio.log" 2>&1) &
  VERDACCIO_PID=$!
  PIDS+=("$VERDACCIO_PID")
  wait_http "http://127.0.0.1:$VP/-/ping"
  VTOKEN=$(curl -s -X PUT "http://127.0.0.1:$VP/-/user/org.couchdb.user:bench" -H 'Content-Type: application/json' \
    -d '{"name":"bench","password":"bench-password"}' | jq -r .token)
  VREG="http://127.0.0.1:$VP/"
  printf '//127.0.0.1:%s/:_authToken=%s\n' "$VP" "$VTOKEN" > "$WORK/npmrc-verdaccio"
}
