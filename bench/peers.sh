#!/usr/bin/env bash
# Installs the peers the protocol benchmark compares Arca with (../shared/design/PEERS.md), into PEERS_DIR
# (default /tmp/arca-peers), never into the repository: Verdaccio 6.8 from the npm registry, Sonatype Nexus 3.71
# from Maven Central, nginx and wrk from Debian. Idempotent: what is there already is kept.
set -euo pipefail
PEERS_DIR=${PEERS_DIR:-/tmp/arca-peers}
mkdir -p "$PEERS_DIR"

need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

if [ ! -x "$PEERS_DIR/verdaccio/node_modules/.bin/verdaccio" ]; then
  mkdir -p "$PEERS_DIR/verdaccio"
  # 6.9+ needs Node 22; the registry here serves only `latest` dist-tags, hence the override (PEERS.md).
  cat > "$PEERS_DIR/verdaccio/package.json" <<'EOF'
{"name": "peer-verdaccio", "private": true, "dependencies": {"verdaccio": "6.8.0"},
 "overrides": {"verdaccio-audit": {"node-fetch": "2.7.0"}}}
EOF
  (cd "$PEERS_DIR/verdaccio" && npm install --no-audit --no-fund --loglevel=error)
fi

home="$PEERS_DIR/nexus/nexus-base-template-3.71.0-06"
if [ ! -x "$home/bin/nexus" ]; then
  mkdir -p "$PEERS_DIR/nexus"
  mvn -q dependency:copy -Dartifact=org.sonatype.nexus.assemblies:nexus-base-template:3.71.0-06:zip \
      -DoutputDirectory="$PEERS_DIR/nexus"
  (cd "$PEERS_DIR/nexus" && unzip -q -o nexus-base-template-3.71.0-06.zip)
fi
# Loopback only (PEERS.md); the benchmark sets the port.
sed -i 's/^application-host=.*/application-host=127.0.0.1/' "$home/etc/nexus-default.properties"
sed -i 's/^sshHost *=.*/sshHost = 127.0.0.1/' "$home/etc/karaf/org.apache.karaf.shell.cfg"
sed -i 's/^rmiRegistryHost *=.*/rmiRegistryHost = 127.0.0.1/; s/^rmiServerHost *=.*/rmiServerHost = 127.0.0.1/' \
    "$home/etc/karaf/org.apache.karaf.management.cfg"
echo "peers ready in $PEERS_DIR"
