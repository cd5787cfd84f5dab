#!/usr/bin/env bash
# A Pulse cluster on one machine, on loopback: one Apache Kafka broker (KRaft, from the Maven
# artifacts the build already fetched), three Pulse nodes (server/target/pulse.jar, node-1..node-3,
# each with its own data directory, one shared cluster key, every journal shipped to Kafka), and
# nginx in front of them with deploy/nginx/pulse-cluster.conf (a consistent hash on the `route`
# URL parameter). The demo is served through the balancer (docs/operations.md, "On one machine:
# scripts/cluster.sh").
#
#   scripts/cluster.sh start [--port 8080] [--work DIR] [--catalog FILE] [--partitions 6]
#   scripts/cluster.sh status  [--work DIR]
#   scripts/cluster.sh stop    [--work DIR]
#   scripts/cluster.sh kill node-2     [--work DIR]   # SIGKILL one node (the drill's fault)
#   scripts/cluster.sh restart node-2  [--work DIR]   # start a stopped or killed node again
#   scripts/cluster.sh kafka   [--work DIR] [--partitions 6]  # the broker and its topic alone
#
# start: --port is the balancer's (the only port a browser needs); every other port is picked free
# at run time and written to DIR/ports. --catalog serves that catalog on every node instead of the
# demo. DIR (default target/cluster) holds everything: kafka/ (broker data and log), node-N/
# (pulse.yaml, data/, pulse.log), nginx/ (nginx.conf, logs), the pid files, cluster.key.
# A start over a DIR that already ran keeps the data (the nodes and Kafka start where they were).
#
# Builds server/target/pulse.jar and the kafka module's test classes first if they are missing
# (./mvnw -B -ntp -DskipTests package). Needs Java 17 and nginx (Debian's, /usr/sbin/nginx).
# Environment: PULSE_JAVA_OPTS (the nodes' JVM flags), KAFKA_CLASSPATH (the broker's class path;
# default: resolved from the kafka module with Maven), NGINX (the nginx binary).
#
# Exit status: 0 done (status: everything running); 1 a component did not start (everything it
# started is stopped again); 2 usage; 3 status: something is not running.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PULSE_JAR=${PULSE_JAR:-$ROOT/server/target/pulse.jar}
PULSE_JAVA_OPTS=${PULSE_JAVA_OPTS:-"-Xms128m -Xmx512m -XX:+UseSerialGC"}
KAFKA_JAVA_OPTS=${KAFKA_JAVA_OPTS:-"-Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}
NGINX=${NGINX:-/usr/sbin/nginx}
NODES=(node-1 node-2 node-3)
TOPIC=pulse-journal

usage() {
  sed -n '9,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "cluster: $*" >&2
  exit "${2:-1}"
}

[[ $# -ge 1 ]] || usage
command=$1
shift
node=""
if [[ $command == kill || $command == restart ]]; then
  [[ $# -ge 1 ]] || usage
  node=$1
  shift
  [[ " ${NODES[*]} " == *" $node "* ]] || die "no node $node (the nodes are ${NODES[*]})" 2
fi
work=$ROOT/target/cluster
port=8080
catalog=""
partitions=6
while [[ $# -gt 0 ]]; do
  case $1 in
    --work) work=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --catalog) catalog=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --partitions) partitions=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "cluster: unknown option $1" >&2; usage ;;
  esac
done
[[ $port =~ ^[0-9]+$ && $port -ge 1 && $port -le 65535 ]] || die "--port must be 1 to 65535" 2
[[ $partitions =~ ^[0-9]+$ && $partitions -ge 1 ]] || die "--partitions must be at least 1" 2
mkdir -p "$work"
work=$(cd "$work" && pwd)

# ------------------------------------------------------------------ processes and ports

alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

listening() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port nothing listens on and no other component of this cluster was given, below the kernel's
# ephemeral range: a node killed and started again binds its port again, and while it is down an
# outgoing connection (nginx's to the nodes, a client's) could take a number in that range as its
# source port and make the bind fail.
free_port() {
  local candidate below
  below=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  while true; do
    candidate=$((10000 + RANDOM % (below - 10000)))
    if ! listening "$candidate" && ! grep -qw "$candidate" "$work/ports" 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
}

# Waits up to $2 seconds for port $1 to accept connections while pid file $3's process lives.
await_port() {
  local deadline=$((SECONDS + $2))
  while ! listening "$1"; do
    alive "$3" || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# SIGTERM, then SIGKILL after $2 seconds; removes the pid file.
stop_pid_file() {
  local file=$1 grace=$2 pid
  if alive "$file"; then
    pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
  fi
  rm -f "$file"
}

port_of() { sed -n "s/^$1=//p" "$work/ports"; }

# ------------------------------------------------------------------ the parts

build_if_needed() {
  if [[ ! -f $PULSE_JAR || ! -d $ROOT/kafka/target/test-classes ]]; then
    echo "cluster: building (./mvnw -B -ntp -DskipTests package) ..."
    (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package) || die "the build failed"
  fi
}

# The broker's class path: kafka_2.13 and its dependencies, as the kafka module's tests use them.
kafka_classpath() {
  if [[ -n ${KAFKA_CLASSPATH:-} ]]; then
    echo "$KAFKA_CLASSPATH"
    return
  fi
  local file=$work/kafka/classpath.txt
  if [[ ! -s $file ]]; then
    local maven=(./mvnw -q -B -ntp -pl kafka -am test-compile dependency:build-classpath
      -Dmdep.includeScope=test "-Dmdep.outputFile=$file")
    # Offline first (everything is cached after a build); online if the plugin was never fetched.
    (cd "$ROOT" && { "${maven[@]}" -o >"$work/kafka/maven.log" 2>&1 || "${maven[@]}" >>"$work/kafka/maven.log" 2>&1; }) ||
      die "could not resolve Kafka's class path (see $work/kafka/maven.log)"
  fi
  echo "$(cat "$file"):$ROOT/kafka/target/test-classes"
}

start_kafka() {
  local dir=$work/kafka cp
  mkdir -p "$dir"
  cp=$(kafka_classpath)
  if [[ ! -f $dir/server.properties ]]; then
    cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$(port_of kafka_controller)
listeners=PLAINTEXT://127.0.0.1:$(port_of kafka),CONTROLLER://127.0.0.1:$(port_of kafka_controller)
advertised.listeners=PLAINTEXT://127.0.0.1:$(port_of kafka)
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=$partitions
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
    local cluster_id
    cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>>"$dir/format.log" | tail -1)
    java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >>"$dir/format.log" 2>&1 ||
      die "formatting Kafka's storage failed (see $dir/format.log)"
  fi
  # shellcheck disable=SC2086
  nohup java $KAFKA_JAVA_OPTS -cp "$cp" kafka.Kafka "$dir/server.properties" >>"$dir/broker.log" 2>&1 </dev/null &
  echo $! >"$work/kafka.pid"
  await_port "$(port_of kafka)" 90 "$work/kafka.pid" || fail "Kafka did not listen within 90 s (see $dir/broker.log)"
  # The journal's topic, made before any node ships to it (the broker creates no topic by itself).
  java -cp "$cp" "$ROOT/scripts/cluster/CreateTopic.java" "127.0.0.1:$(port_of kafka)" "$TOPIC" "$partitions" \
    >>"$dir/topic.log" 2>&1 || fail "could not create the topic $TOPIC (see $dir/topic.log)"
}

write_node_config() {
  local name=$1 dir=$work/$1
  mkdir -p "$dir"
  {
    echo "# $name of scripts/cluster.sh: written at each start"
    echo "bind: 127.0.0.1"
    echo "port: $(port_of "$name")"
    echo "data_dir: $dir/data"
    echo "node_id: $name"
    echo "cluster_key_file: $work/cluster.key"
    echo "kafka_bootstrap: 127.0.0.1:$(port_of kafka)"
    echo "kafka_topic: $TOPIC"
    echo "trusted_proxies: 127.0.0.1"
    echo "client_address: forwarded"
    echo "drain_delay: 1s"
    echo "close_spread: 1s"
    if [[ -n $catalog ]]; then echo "catalog_file: $catalog"; fi
  } >"$dir/pulse.yaml"
}

start_node() {
  local name=$1 dir=$work/$1
  # shellcheck disable=SC2086
  nohup java $PULSE_JAVA_OPTS -jar "$PULSE_JAR" serve --config "$dir/pulse.yaml" >>"$dir/pulse.log" 2>&1 </dev/null &
  echo $! >"$work/$name.pid"
  await_port "$(port_of "$name")" 60 "$work/$name.pid" || fail "$name did not listen within 60 s (see $dir/pulse.log)"
}

# nginx's configuration: a test-fit top level (its files in the work directory, room for
# thousands of connections), deploy/nginx/pulse-cluster.conf at the http level as shipped with only
# its three node addresses replaced by this cluster's, and deploy/nginx/pulse.conf in the server
# block, as docs/operations.md ("Sticky routing") tells an operator to include them.
write_nginx_config() {
  local dir=$work/nginx
  mkdir -p "$dir"
  sed -e "s/127\.0\.0\.1:8081/127.0.0.1:$(port_of node-1)/" -e "s/127\.0\.0\.1:8082/127.0.0.1:$(port_of node-2)/" \
    -e "s/127\.0\.0\.1:8083/127.0.0.1:$(port_of node-3)/" "$ROOT/deploy/nginx/pulse-cluster.conf" >"$dir/pulse-cluster.conf"
  local name
  for name in "${NODES[@]}"; do
    grep -q "server 127.0.0.1:$(port_of "$name") " "$dir/pulse-cluster.conf" ||
      fail "deploy/nginx/pulse-cluster.conf no longer names 127.0.0.1:8081..8083: scripts/cluster.sh cannot place its nodes"
  done
  {
    echo "# scripts/cluster.sh: written at each start"
    echo "user $(id -un);"
    echo "worker_processes 1;"
    echo "worker_rlimit_nofile 20000;"
    echo "pid $dir/nginx.pid;"
    echo "error_log $dir/error.log warn;"
    echo "events { worker_connections 9000; }"
    echo "http {"
    echo "    access_log off;"
    for temp in client_body proxy fastcgi uwsgi scgi; do echo "    ${temp}_temp_path $dir/$temp;"; done
    echo "    include $dir/pulse-cluster.conf;"
    echo "    server {"
    echo "        listen 127.0.0.1:$port;"
    echo "        include $ROOT/deploy/nginx/pulse.conf;"
    echo "    }"
    echo "}"
  } >"$dir/nginx.conf"
}

start_nginx() {
  [[ -x $NGINX ]] || fail "nginx is missing at $NGINX (install Debian's nginx, or set NGINX)"
  "$NGINX" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" -t >"$work/nginx/check.log" 2>&1 ||
    fail "nginx refused its configuration: $(cat "$work/nginx/check.log")"
  # nginx daemonizes and writes its master's pid into nginx.pid (the pid file this script reads).
  "$NGINX" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" >>"$work/nginx/error.log" 2>&1 ||
    fail "nginx did not start (see $work/nginx/error.log)"
  cp "$work/nginx/nginx.pid" "$work/nginx.pid" 2>/dev/null || true
  await_port "$port" 30 "$work/nginx.pid" || fail "nginx did not listen on $port within 30 s (see $work/nginx/error.log)"
}

# ------------------------------------------------------------------ commands

stop_all() {
  stop_pid_file "$work/nginx.pid" 20
  local name
  for name in "${NODES[@]}"; do stop_pid_file "$work/$name.pid" 40; done
  stop_pid_file "$work/kafka.pid" 60
}

# A part did not start: at start, everything started is stopped again; at restart, only that node.
stop_on_failure=all
fail() {
  echo "cluster: $*" >&2
  if [[ $stop_on_failure == all ]]; then
    echo "cluster: stopping what was started" >&2
    stop_all
  else
    stop_pid_file "$work/$node.pid" 40
  fi
  exit 1
}

do_start() {
  local name
  for name in kafka "${NODES[@]}" nginx; do
    alive "$work/$name.pid" && die "$name is already running (pid $(cat "$work/$name.pid")): scripts/cluster.sh stop --work $work" 1
  done
  listening "$port" && die "port $port is taken: give another with --port" 1
  build_if_needed
  [[ -f $work/cluster.key ]] || { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$work/cluster.key"; chmod 600 "$work/cluster.key"; }
  if [[ ! -f $work/ports ]]; then
    : >"$work/ports"
    for name in kafka kafka_controller "${NODES[@]}"; do echo "$name=$(free_port)" >>"$work/ports"; done
  fi
  sed -i '/^balancer=/d' "$work/ports"
  echo "balancer=$port" >>"$work/ports"
  echo "cluster: Kafka on 127.0.0.1:$(port_of kafka) ..."
  start_kafka
  for name in "${NODES[@]}"; do
    write_node_config "$name"
    echo "cluster: $name on 127.0.0.1:$(port_of "$name") ..."
    start_node "$name"
  done
  write_nginx_config
  echo "cluster: nginx on 127.0.0.1:$port ..."
  start_nginx
  echo "cluster: Kafka bootstrap 127.0.0.1:$(port_of kafka), topic $TOPIC"
  echo "cluster: Pulse at http://127.0.0.1:$port/demo/ (stop with: scripts/cluster.sh stop --work $work)"
}

do_status() {
  local name state all=0
  [[ -f $work/ports ]] || die "no cluster in $work" 3
  for name in kafka "${NODES[@]}" nginx; do
    if alive "$work/$name.pid"; then state="running (pid $(cat "$work/$name.pid"))"; else state="stopped"; all=3; fi
    case $name in
      nginx) printf '%-8s %-24s http://127.0.0.1:%s/\n' "$name" "$state" "$(port_of balancer)" ;;
      *) printf '%-8s %-24s 127.0.0.1:%s\n' "$name" "$state" "$(port_of "$name")" ;;
    esac
  done
  exit "$all"
}

# The broker alone (benchmarks/run-shipping-cost.sh ships one server's journal to it).
do_kafka() {
  alive "$work/kafka.pid" && die "kafka is already running (pid $(cat "$work/kafka.pid")): scripts/cluster.sh stop --work $work" 1
  [[ -f $work/ports ]] || for name in kafka kafka_controller; do echo "$name=$(free_port)" >>"$work/ports"; done
  build_if_needed
  start_kafka
  echo "cluster: Kafka bootstrap 127.0.0.1:$(port_of kafka), topic $TOPIC (stop with: scripts/cluster.sh stop --work $work)"
}

case $command in
  start) do_start ;;
  kafka) do_kafka ;;
  stop) stop_all; echo "cluster: stopped" ;;
  status) do_status ;;
  kill)
    alive "$work/$node.pid" || die "$node is not running" 1
    kill -KILL "$(cat "$work/$node.pid")"
    while alive "$work/$node.pid"; do sleep 0.05; done
    rm -f "$work/$node.pid"
    echo "cluster: $node killed (SIGKILL)"
    ;;
  restart)
    [[ -f $work/$node/pulse.yaml ]] || die "no $node in $work: start the cluster first" 1
    stop_pid_file "$work/$node.pid" 40
    stop_on_failure=node
    start_node "$node"
    echo "cluster: $node started again on 127.0.0.1:$(port_of "$node")"
    ;;
  *) usage ;;
esac
