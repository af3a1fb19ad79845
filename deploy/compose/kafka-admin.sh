#!/usr/bin/env bash
# Runs a Kafka command-line tool as the compose broker's administrator: kafka-admin.sh <tool> [arguments...]
# Over the BROKER listener with SASL PLAIN (user admin, password ROTA_KAFKA_ADMIN_PASSWORD); the client settings go
# to a file of their own that is removed afterwards.
set -euo pipefail

: "${ROTA_KAFKA_ADMIN_PASSWORD:?}"
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat >"$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$ROTA_KAFKA_ADMIN_PASSWORD";
PROPERTIES

tool=$1
shift
"$tool" --bootstrap-server "${BOOTSTRAP_SERVERS:-kafka:19093}" --command-config "$config" "$@"
