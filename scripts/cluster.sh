#!/usr/bin/env bash
# OpenETP past one machine (issue 23), on this machine's loopback: etcd, two PostgreSQL members under Patroni
# (synchronous replication), HAProxy (database write and read ports, HTTP front) and two app nodes on the built jar.
#
#   scripts/cluster.sh up      installs what is missing (apt-get), builds the jar when absent, starts everything
#   scripts/cluster.sh drill   the failover drill (starts the cluster first when it is not up); exits non-zero when
#                              any promise failed
#   scripts/cluster.sh down    stops exactly what `up` started and removes its directory
#   scripts/cluster.sh status  Patroni's view and what is running
#   scripts/cluster.sh bench   bid throughput against one node and against both through HAProxy, same run
#
# Everything listens on 127.0.0.1: etcd 2379/2380, PostgreSQL 5441/5442, Patroni REST 8008/8009, HAProxy 5000
# (write: the Patroni leader), 5001 (read: replicas, else the leader), 8090 (HTTP to the app nodes), app nodes
# 8081/8082. PostgreSQL and Patroni run as the `postgres` user. State lives in $OPENETP_CLUSTER_DIR
# (default /tmp/openetp-cluster).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
D="${OPENETP_CLUSTER_DIR:-/tmp/openetp-cluster}"
PG_BIN="${OPENETP_PG_BIN:-}"
JAR="$ROOT/target/openetp-0.1.0-SNAPSHOT.jar"
APP_PORTS=(8081 8082)
PG_PORTS=(5441 5442)
REST_PORTS=(8008 8009)

log() { printf '%s cluster: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
exec 3>&2  # errors reach the terminal even from inside a silenced wait
die() { log "ERROR: $*" >&3; exit 1; }

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

java_home() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    return
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                   /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; return; fi
  done
  die "no JDK 21+ found (set JAVA_HOME)"
}

install_packages() {
  local missing=()
  command -v patroni >/dev/null || missing+=(patroni)
  command -v etcd >/dev/null || missing+=(etcd-server)
  command -v etcdctl >/dev/null || missing+=(etcd-client)
  command -v haproxy >/dev/null || missing+=(haproxy)
  ls /usr/lib/postgresql/*/bin/pg_rewind >/dev/null 2>&1 || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v runuser >/dev/null || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # The packages' own services (a default PostgreSQL cluster on 5432, etcd, haproxy) must not start: this script
    # starts its own. policy-rc.d answering 101 is Debian's way of saying so; put back whatever was there.
    local policy=/usr/sbin/policy-rc.d saved=""
    if [ -e "$policy" ]; then saved="$(mktemp)"; cp -p "$policy" "$saved"; fi
    printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null || { restore_policy "$saved"; die "apt-get install failed"; }
    restore_policy "$saved"
  fi
  id postgres >/dev/null 2>&1 || die "no postgres user after installing postgresql"
  if [ -z "$PG_BIN" ]; then
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
}

restore_policy() {
  if [ -n "$1" ]; then mv "$1" /usr/sbin/policy-rc.d; else rm -f /usr/sbin/policy-rc.d; fi
}

build_jar() {
  if [ -f "$JAR" ] && [ -d "$ROOT/target/test-classes/org/openetp/cluster" ] \
      && [ ! -f "$ROOT/target/cluster-classpath.txt" ]; then
    # Built already (./mvnw verify): only the drill's classpath is missing.
    (cd "$ROOT" && ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cluster-classpath.txt \
        -Dmdep.includeScope=test)
  fi
  if [ ! -f "$JAR" ] || [ ! -f "$ROOT/target/cluster-classpath.txt" ] || [ ! -d "$ROOT/target/test-classes" ]; then
    log "building the jar and the drill's classpath (./mvnw -B -DskipTests package)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile=target/cluster-classpath.txt -Dmdep.includeScope=test)
  fi
}

wait_for() { # what, seconds, command...
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "timed out after ${seconds}s waiting for $what"
    sleep 0.5
  done
}

secrets() {
  if [ ! -f "$D/secrets.env" ]; then
    umask 077
    cat > "$D/secrets.env" <<EOF
PG_SUPER_PASSWORD=$(openssl rand -hex 16)
PG_REPLICATION_PASSWORD=$(openssl rand -hex 16)
PG_APP_PASSWORD=$(openssl rand -hex 16)
OPENETP_MASTER_KEY=$(openssl rand -base64 32)
OPERATOR_PASSWORD=$(openssl rand -hex 12)
EOF
    umask 022
  fi
  # shellcheck disable=SC1091
  . "$D/secrets.env"
}

platform_key() {
  # One receipt key for both nodes (any node signs, any node verifies), given as PEM paths.
  if [ ! -f "$D/keys/platform-key.pem" ]; then
    mkdir -p "$D/keys"; chmod 700 "$D/keys"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$D/keys/platform-key.pem" 2>/dev/null
    openssl req -new -x509 -key "$D/keys/platform-key.pem" -subj "/CN=OpenETP platform receipts" -days 3650 \
        -addext "keyUsage=critical,digitalSignature,nonRepudiation" -addext "basicConstraints=critical,CA:FALSE" \
        -out "$D/keys/platform-cert.pem" 2>/dev/null
    chmod 600 "$D/keys/platform-key.pem"
  fi
}

start_etcd() {
  log "starting etcd (127.0.0.1:2379)"
  mkdir -p "$D/etcd"
  nohup etcd --name e1 --data-dir "$D/etcd" \
      --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
      --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
      --initial-cluster e1=http://127.0.0.1:2380 --initial-cluster-state new \
      > "$D/logs/etcd.log" 2>&1 3>&- &
  echo $! > "$D/pids/etcd.pid"
  wait_for etcd 30 curl -fsS http://127.0.0.1:2379/health
}

patroni_config() { # member index 1|2
  local i="$1" pg_port="${PG_PORTS[$(($1 - 1))]}" rest_port="${REST_PORTS[$(($1 - 1))]}"
  cat > "$D/pg$i.yml" <<EOF
scope: openetp
name: pg$i
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$rest_port
  connect_address: 127.0.0.1:$rest_port
etcd3:
  hosts: 127.0.0.1:2379
watchdog:
  mode: "off"
bootstrap:
  dcs:
    # The leader key lives ttl seconds after the leader's last renewal: the longest a dead primary goes unnoticed.
    # 20 is Patroni's minimum.
    ttl: 20
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    # A commit is acknowledged only when the standby has it (synchronous_commit on); Patroni promotes only the
    # synchronous standby, so no acknowledged commit is lost in a failover.
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_connections: 400
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        synchronous_commit: "on"
  initdb:
    - encoding: UTF8
    - data-checksums
  post_bootstrap: $D/post_bootstrap.sh
postgresql:
  listen: 127.0.0.1:$pg_port
  connect_address: 127.0.0.1:$pg_port
  data_dir: $D/pg$i
  bin_dir: $PG_BIN
  pgpass: $D/run/pgpass$i
  # A new standby copies the primary at once (a spread checkpoint would keep it waiting minutes).
  basebackup:
    checkpoint: fast
  remove_data_directory_on_rewind_failure: true
  remove_data_directory_on_diverged_timelines: true
  authentication:
    superuser:
      username: postgres
      password: $PG_SUPER_PASSWORD
    replication:
      username: replicator
      password: $PG_REPLICATION_PASSWORD
  parameters:
    unix_socket_directories: $D/run
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
EOF
  chown postgres:postgres "$D/pg$i.yml"; chmod 600 "$D/pg$i.yml"
}

post_bootstrap() {
  cat > "$D/post_bootstrap.sh" <<EOF
#!/bin/sh
# Run once by Patroni on the first primary: the application's role and database, and the extensions its
# migrations need (pg_trgm for the catalogue), made by the superuser so that the application needs no superuser.
set -e
$PG_BIN/psql -v ON_ERROR_STOP=1 "\$1" <<SQL
CREATE ROLE openetp LOGIN PASSWORD '$PG_APP_PASSWORD';
CREATE DATABASE openetp OWNER openetp;
\\c openetp
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SQL
EOF
  chown postgres:postgres "$D/post_bootstrap.sh"; chmod 700 "$D/post_bootstrap.sh"
}

start_patroni() { # member index
  local i="$1"
  log "starting Patroni pg$i (PostgreSQL 127.0.0.1:${PG_PORTS[$((i - 1))]}, REST ${REST_PORTS[$((i - 1))]})"
  rm -f "$D/run/patroni-pg$i.pid"
  # The inner shell records Patroni's own pid (runuser stays as its parent), then becomes Patroni.
  runuser -u postgres -- sh -c "echo \$\$ > '$D/run/patroni-pg$i.pid'; cd '$D'; \
      exec patroni '$D/pg$i.yml' >> '$D/logs/patroni-pg$i.log' 2>&1" > /dev/null 2>&1 3>&- &
  wait_for "Patroni pg$i's pid" 10 test -s "$D/run/patroni-pg$i.pid"
  cp "$D/run/patroni-pg$i.pid" "$D/pids/patroni-pg$i.pid"
}

rest() { curl -fsS "http://127.0.0.1:${REST_PORTS[$(($1 - 1))]}$2"; }

# Whether the member answers the check; a Patroni that has died stops the wait at once.
member_up() {
  pid_alive "$D/pids/patroni-pg$1.pid" || die "Patroni pg$1 died: see $D/logs/patroni-pg$1.log"
  rest "$1" "$2"
}

leader_index() {
  for i in 1 2; do
    if rest "$i" /primary >/dev/null 2>&1; then echo "$i"; return 0; fi
  done
  return 1
}

sync_standby_up() { for i in 1 2; do rest "$i" /synchronous >/dev/null 2>&1 && return 0; done; return 1; }

start_haproxy() {
  log "starting HAProxy (write 5000, read 5001, HTTP 8090)"
  cat > "$D/haproxy.cfg" <<EOF
global
    # Two file descriptors a connection, within the 20,000 a process may open here.
    maxconn 8000

defaults
    mode tcp
    timeout connect 3s
    timeout client 1h
    timeout server 1h
    timeout check 2s
    default-server inter 1s fall 2 rise 1

# Writes go to the Patroni leader only (GET /primary answers 200 on the leader alone). Sessions to a server marked
# down are cut, so no client keeps talking to a deposed primary.
listen pg_write
    bind 127.0.0.1:5000
    option httpchk GET /primary
    http-check expect status 200
    server pg1 127.0.0.1:${PG_PORTS[0]} check port ${REST_PORTS[0]} on-marked-down shutdown-sessions
    server pg2 127.0.0.1:${PG_PORTS[1]} check port ${REST_PORTS[1]} on-marked-down shutdown-sessions

# Reads go to a replica that is streaming and at most 16 MB behind; when none is, to the leader.
frontend pg_read
    bind 127.0.0.1:5001
    use_backend pg_replicas if { nbsrv(pg_replicas) gt 0 }
    default_backend pg_leader_for_reads

backend pg_replicas
    balance roundrobin
    option httpchk GET /replica?lag=16MB
    http-check expect status 200
    server pg1 127.0.0.1:${PG_PORTS[0]} check port ${REST_PORTS[0]} on-marked-down shutdown-sessions
    server pg2 127.0.0.1:${PG_PORTS[1]} check port ${REST_PORTS[1]} on-marked-down shutdown-sessions

backend pg_leader_for_reads
    option httpchk GET /primary
    http-check expect status 200
    server pg1 127.0.0.1:${PG_PORTS[0]} check port ${REST_PORTS[0]} on-marked-down shutdown-sessions
    server pg2 127.0.0.1:${PG_PORTS[1]} check port ${REST_PORTS[1]} on-marked-down shutdown-sessions

# The app nodes. Liveness, not health: a node is alive while its database fails over (health would report the
# database down on both nodes at once, and HAProxy would then refuse every request). A request is resent to the
# other node only when it could not connect (never one that may have reached a node: a bid is not idempotent).
frontend http
    mode http
    bind 127.0.0.1:8090
    timeout client 1h
    default_backend app

backend app
    mode http
    balance roundrobin
    option httpchk GET /actuator/health/liveness
    http-check expect status 200
    option redispatch
    retries 3
    retry-on conn-failure
    timeout server 1h
    server app1 127.0.0.1:${APP_PORTS[0]} check
    server app2 127.0.0.1:${APP_PORTS[1]} check
EOF
  haproxy -c -q -f "$D/haproxy.cfg" || die "bad HAProxy configuration"
  haproxy -D -f "$D/haproxy.cfg" -p "$D/pids/haproxy.pid" > "$D/logs/haproxy.log" 2>&1 3>&-
}

start_app() { # node index
  local i="$1" port="${APP_PORTS[$(($1 - 1))]}"
  log "starting app node $i (127.0.0.1:$port)"
  mkdir -p "$D/app$i"
  env SERVER_ADDRESS=127.0.0.1 SERVER_PORT="$port" \
      SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5000/openetp?tcpKeepAlive=true" \
      SPRING_DATASOURCE_USERNAME=openetp SPRING_DATASOURCE_PASSWORD="$PG_APP_PASSWORD" \
      SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=40 SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT=10000 \
      OPENETP_READ_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5001/openetp?tcpKeepAlive=true" \
      OPENETP_READ_DATASOURCE_USERNAME=openetp OPENETP_READ_DATASOURCE_PASSWORD="$PG_APP_PASSWORD" \
      OPENETP_DATA_DIR="$D/app$i" OPENETP_MASTER_KEY="$OPENETP_MASTER_KEY" \
      OPENETP_PLATFORM_KEY="$D/keys/platform-key.pem" OPENETP_PLATFORM_CERTIFICATE="$D/keys/platform-cert.pem" \
      OPENETP_OPERATOR_EMAIL=operator@cluster.openetp.local OPENETP_OPERATOR_PASSWORD="$OPERATOR_PASSWORD" \
      OPENETP_DEMO_DATA=false OPENETP_PROCUREMENT_MIN_PERIOD=PT5S OPENETP_BASE_URL=http://127.0.0.1:8090 \
      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true DBSCHEDULER_POLLINGINTERVAL=1s \
      nohup "$JAVA_HOME/bin/java" -Xmx1g -jar "$JAR" > "$D/logs/app$i.log" 2>&1 3>&- &
  echo $! > "$D/pids/app$i.pid"
  disown $!  # the drill kills it: no job notice from this shell
}

app_ready() { curl -fsS "http://127.0.0.1:${APP_PORTS[$(($1 - 1))]}/actuator/health/readiness"; }

up() {
  if pid_alive "$D/pids/haproxy.pid"; then log "already up ($D)"; return; fi
  [ "$(id -u)" = 0 ] || die "run as root: it installs packages and runs PostgreSQL as the postgres user"
  local began=$SECONDS
  install_packages
  java_home
  build_jar
  rm -rf "$D"
  mkdir -p "$D/pids" "$D/logs" "$D/run" "$D/pg1" "$D/pg2"
  chmod 755 "$D"
  chmod 700 "$D/pg1" "$D/pg2"
  chown postgres:postgres "$D/run" "$D/logs" "$D/pg1" "$D/pg2"
  secrets
  platform_key
  start_etcd
  post_bootstrap
  patroni_config 1; patroni_config 2
  start_patroni 1
  wait_for "the first primary" 90 member_up 1 /primary
  start_patroni 2
  wait_for "the synchronous standby" 120 member_up 2 /synchronous
  start_haproxy
  wait_for "HAProxy's write port" 30 bash -c "exec 3<>/dev/tcp/127.0.0.1/5000"
  java_home
  start_app 1
  wait_for "app node 1 (migrations run here)" 240 app_ready 1
  start_app 2
  wait_for "app node 2" 240 app_ready 2
  log "up in $((SECONDS - began)) s: http://127.0.0.1:8090 (operator operator@cluster.openetp.local, password in $D/secrets.env)"
  status
}

status() {
  patronictl -c "$D/pg1.yml" list 2>/dev/null || true
  for name in etcd patroni-pg1 patroni-pg2 haproxy app1 app2; do
    if pid_alive "$D/pids/$name.pid"; then echo "  $name: running (pid $(cat "$D/pids/$name.pid"))"
    else echo "  $name: not running"; fi
  done
}

stop_pid() { # name, seconds to wait before KILL
  local file="$D/pids/$1.pid"
  [ -f "$file" ] || return 0
  local pid; pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

postmaster_pid() { head -1 "$D/pg$1/postmaster.pid" 2>/dev/null; }

stop_member() { # index: Patroni stops its PostgreSQL; a PostgreSQL left behind (Patroni killed) is stopped too
  local i="$1"
  stop_pid "patroni-pg$i" 30
  local pm; pm="$(postmaster_pid "$i" || true)"
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$D/pg$i" -m immediate stop >/dev/null 2>&1 || kill -9 "$pm" || true
  fi
}

down() {
  [ -d "$D" ] || { log "nothing to stop ($D absent)"; return; }
  [ -n "$PG_BIN" ] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  log "stopping app nodes, HAProxy, Patroni members, etcd"
  stop_pid app1 20; stop_pid app2 20
  stop_pid haproxy 5
  stop_member 1; stop_member 2
  stop_pid etcd 10
  rm -rf "$D"
  log "down"
}

# ---- used by the drill (ClusterDrill runs these at its chosen moments) ----

# The primary's server dies: kill -9 of its Patroni and its PostgreSQL (postmaster and every child) together.
# Patroni alone would restart a killed postmaster in place.
kill_primary() {
  local i; i="$(leader_index)" || die "no leader to kill"
  local patroni pm children
  patroni="$(cat "$D/pids/patroni-pg$i.pid")"
  pm="$(postmaster_pid "$i")"
  # PostgreSQL's children (backends, walsender, checkpointer...) die with it, as on a dead server.
  children="$(pgrep -P "$pm" || true)"
  kill -9 "$patroni" $children "$pm" 2>/dev/null || true
  echo "$i"
}

# The old primary comes back: Patroni finds another leader, rewinds its data directory (pg_rewind) and follows.
rejoin() { start_patroni "$1"; }

kill_app() { local pid; pid="$(cat "$D/pids/app$1.pid")"; kill -9 "$pid"; rm -f "$D/pids/app$1.pid"; }

replication() { # the leader's view of its standbys
  local i; i="$(leader_index)" || return 1
  runuser -u postgres -- "$PG_BIN/psql" -h "$D/run" -p "${PG_PORTS[$((i - 1))]}" -U postgres -d postgres -At -c \
      "SELECT application_name || ' ' || state || ' ' || sync_state FROM pg_stat_replication"
}

whole() {
  local name
  for name in etcd patroni-pg1 patroni-pg2 haproxy app1 app2; do pid_alive "$D/pids/$name.pid" || return 1; done
}

# Runs a program of the test classpath against the cluster (the drill, the throughput run).
client() {
  OPENETP_CLUSTER_SCRIPT="$0" OPENETP_CLUSTER_DIR="$D" PG_APP_PASSWORD="$PG_APP_PASSWORD" \
  OPERATOR_PASSWORD="$OPERATOR_PASSWORD" \
      "$JAVA_HOME/bin/java" ${OPENETP_CLUSTER_JAVA_OPTS:-} \
      -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/cluster-classpath.txt")" "$@"
}

bench() {
  [ "$(id -u)" = 0 ] || die "run as root"
  if ! whole; then down; up; fi
  java_home
  build_jar
  secrets
  client org.openetp.cluster.ClusterThroughput
}

drill() {
  [ "$(id -u)" = 0 ] || die "run as root"
  local began=$SECONDS
  # A cluster left as an earlier drill left it (an app node killed, the primary moved) is started afresh.
  if ! whole; then down; up; fi
  java_home
  build_jar
  [ -n "$PG_BIN" ] || PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  secrets
  local status=0
  client org.openetp.cluster.ClusterDrill || status=$?
  log "drill finished in $((SECONDS - began)) s (cluster start included), exit $status"
  return $status
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  drill) drill ;;
  bench) bench ;;
  status) status ;;
  _apps) secrets; java_home; stop_pid app1 20; stop_pid app2 20; start_app 1; wait_for "app node 1" 240 app_ready 1
         start_app 2; wait_for "app node 2" 240 app_ready 2 ;;
  _kill_primary) kill_primary ;;
  _rejoin) PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; secrets; rejoin "$2" ;;
  _kill_app) kill_app "$2" ;;
  _leader) leader_index ;;
  _replication) PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; replication ;;
  _patronictl) patronictl -c "$D/pg1.yml" list ;;
  _sessions) PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
             for i in 1 2; do
               printf 'pg%s (%s): %s application sessions\n' "$i" \
                   "$(curl -s "http://127.0.0.1:${REST_PORTS[$((i - 1))]}/patroni" | grep -o '"role": "[a-z]*"' | cut -d'"' -f4)" \
                   "$(runuser -u postgres -- "$PG_BIN/psql" -h "$D/run" -p "${PG_PORTS[$((i - 1))]}" -U postgres -d postgres -At \
                       -c "SELECT count(*) FROM pg_stat_activity WHERE usename = 'openetp'" 2>/dev/null || echo '?')"
             done ;;
  _rewound) grep -i "rewind" "$D/logs/patroni-pg$2.log" | tail -3 || true ;;
  *) echo "usage: $0 up|drill|down|status|bench" >&2; exit 2 ;;
esac
