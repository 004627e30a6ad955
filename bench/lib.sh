# Shared by the bench scripts (sourced): free ports, waiting for a server, progress lines, and nginx serving static
# files — the ceiling the protocol benchmarks compare Arca with.

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
