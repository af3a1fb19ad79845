#!/usr/bin/env bash
# Creates Rota's topics on the compose broker (run by the kafka-setup service of docker-compose.yml).
# The topic lists come from that service's environment, which mirrors org.rota.events.Topics
# (deploy-check's test keeps the two in step). Existing topics are left as they are.
set -euo pipefail

: "${BOOTSTRAP_SERVERS:?}" "${PARTITIONS:?}" "${REPLICATION_FACTOR:?}" "${COMPACTED_TOPICS:?}" "${DELETE_TOPICS:?}"
admin() { /bin/bash /opt/rota/kafka-admin.sh "$@"; }

create() {
  local topic=$1 policy=$2
  admin /opt/kafka/bin/kafka-topics.sh --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" \
    --config "cleanup.policy=$policy"
}

for topic in $COMPACTED_TOPICS; do create "$topic" compact; done
for topic in $DELETE_TOPICS; do create "$topic" delete; done

admin /opt/kafka/bin/kafka-topics.sh --describe --exclude-internal
