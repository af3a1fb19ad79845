#!/usr/bin/env bash
# Creates Rota's topics on the compose broker (run by the kafka-setup service of docker-compose.yml).
# The topic lists come from that service's environment, which mirrors org.rota.events.Topics
# (deploy-check's test keeps the two in step). Existing topics are left as they are.
set -euo pipefail

: "${BOOTSTRAP_SERVERS:?}" "${PARTITIONS:?}" "${REPLICATION_FACTOR:?}" "${COMPACTED_TOPICS:?}" "${DELETE_TOPICS:?}"
admin() { /bin/bash /opt/rota/kafka-admin.sh "$@"; }

# The settings of org.rota.events.Topics: a superseded record (an erased name) leaves a compacted topic within a day;
# inbound upserts and dead letters are kept 7 days.
COMPACTED_CONFIG=(cleanup.policy=compact min.compaction.lag.ms=0 max.compaction.lag.ms=86400000 segment.ms=86400000
  delete.retention.ms=86400000)
DELETE_CONFIG=(cleanup.policy=delete retention.ms=604800000)

create() {
  local topic=$1; shift
  local configs=()
  for config in "$@"; do configs+=(--config "$config"); done
  admin /opt/kafka/bin/kafka-topics.sh --create --if-not-exists \
    --topic "$topic" --partitions "$PARTITIONS" --replication-factor "$REPLICATION_FACTOR" "${configs[@]}"
}

for topic in $COMPACTED_TOPICS; do create "$topic" "${COMPACTED_CONFIG[@]}"; done
for topic in $DELETE_TOPICS; do create "$topic" "${DELETE_CONFIG[@]}"; done

admin /opt/kafka/bin/kafka-topics.sh --describe --exclude-internal
