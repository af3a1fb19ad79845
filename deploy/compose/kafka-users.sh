#!/usr/bin/env bash
# One SCRAM-SHA-512 user per service on the compose broker, and its ACLs (run by the kafka-setup service of
# docker-compose.yml, after create-topics.sh). For each service of SERVICES, from the environment (credential-service:
# CREDENTIAL_SERVICE_...): _PASSWORD, _WRITES (topics it produces to), _READS (topics it consumes), _GROUPS (its
# consumer groups), _TRANSACTIONAL_ID (its outbox relay's). deploy-check keeps these in step with the services'
# configuration and with deploy/base/kafka-users.yaml. Running it again changes nothing.
set -euo pipefail

: "${SERVICES:?}"
admin() { /bin/bash /opt/rota/kafka-admin.sh "$@"; }
allow() { # service, then the rest of kafka-acls.sh --add
  local service=$1
  shift
  admin /opt/kafka/bin/kafka-acls.sh --add --allow-principal "User:$service" "$@" >/dev/null
}

for service in $SERVICES; do
  prefix=$(printf '%s' "$service" | tr 'a-z-' 'A-Z_')
  password_variable=${prefix}_PASSWORD writes_variable=${prefix}_WRITES reads_variable=${prefix}_READS
  groups_variable=${prefix}_GROUPS transactional_variable=${prefix}_TRANSACTIONAL_ID
  : "${!password_variable:?}" "${!transactional_variable:?}"
  # (a password must not contain a comma or a bracket: kafka-configs.sh's syntax)
  admin /opt/kafka/bin/kafka-configs.sh --alter --entity-type users --entity-name "$service" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${!password_variable}]"
  for topic in ${!writes_variable:-}; do allow "$service" --operation Write --operation Describe --topic "$topic"; done
  for topic in ${!reads_variable:-}; do allow "$service" --operation Read --operation Describe --topic "$topic"; done
  for group in ${!groups_variable:-}; do allow "$service" --operation Read --group "$group"; done
  allow "$service" --operation Write --operation Describe --transactional-id "${!transactional_variable}"
  echo "Kafka user $service: writes ${!writes_variable:-nothing}; reads ${!reads_variable:-nothing}"
done

admin /opt/kafka/bin/kafka-acls.sh --list
