package org.rota.platform.inbound;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent read from Kafka, whichever content mode it came in. */
public record InboundEvent(String id, String source, String type, String subject, String topic, JsonNode data) {
}
