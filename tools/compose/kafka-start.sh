#!/bin/sh
# The compose broker with SASL/SCRAM and ACLs (apache/kafka image): every client authenticates,
# and the StandardAuthorizer lets it do only what its ACLs say (granted by the kafka-provision
# service from libs/contracts/src/kafka-access.ts). The SCRAM users, one per principal, are added
# when the data volume is formatted; a principal declared later is added with
#   kafka-configs.sh --bootstrap-server kafka:9092 --command-config /tmp/admin.properties \
#     --alter --entity-type users --entity-name <name> --add-config 'SCRAM-SHA-512=[password=...]'
# (tools/deploy-tests check that this list names every declared principal).
set -eu
USERS="admin intake rescue rehabilitation legal livelihood projection audit gateway analyst"
CONF=/tmp/server.properties
jaas_scram="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${KAFKA_PASSWORD_ADMIN}\";"
jaas_plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${KAFKA_PASSWORD_ADMIN}\" user_admin=\"${KAFKA_PASSWORD_ADMIN}\";"
cat > "$CONF" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://:9093,HOST://:9094
advertised.listeners=SASL_PLAINTEXT://kafka:9092,HOST://localhost:${KAFKA_HOST_PORT:-9094}
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,HOST:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=${jaas_scram}
listener.name.host.scram-sha-512.sasl.jaas.config=${jaas_scram}
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=${jaas_plain}
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
log.retention.hours=-1
log.retention.bytes=-1
PROPERTIES
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=${jaas_scram}
PROPERTIES
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  set --
  for user in $USERS; do
    variable="KAFKA_PASSWORD_$(echo "$user" | tr '[:lower:]' '[:upper:]')"
    password=$(printenv "$variable" || true)
    if [ -z "$password" ]; then echo "$variable is required (the SCRAM password of Kafka principal $user)" >&2; exit 1; fi
    set -- "$@" --add-scram "SCRAM-SHA-512=[name=${user},password=${password}]"
  done
  /opt/kafka/bin/kafka-storage.sh format -t "$CLUSTER_ID" -c "$CONF" "$@"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONF"
