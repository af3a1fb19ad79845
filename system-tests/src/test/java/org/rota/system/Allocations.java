package org.rota.system;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rota.events.EventTypes;
import org.rota.events.Topics;
import org.rota.infra.EventContracts;
import org.rota.infra.KafkaTestClient;
import org.rota.tools.client.RotaClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads rota.allocations.v1 as a consuming hospital system would. */
final class Allocations {

    static JsonNode await(KafkaTestClient topics, String windowId, Predicate<JsonNode> done, Duration patience) {
        List<ConsumerRecord<String, String>> records = topics.awaitUntil(Topics.ALLOCATIONS,
                record -> record.key().equals("allocation/" + windowId),
                found -> !found.isEmpty() && done.test(json(found.get(found.size() - 1).value())), patience);
        if (records.isEmpty() || !done.test(json(records.get(records.size() - 1).value()))) {
            throw new AssertionError("No such allocation of " + windowId + " within " + patience + "; last: "
                    + (records.isEmpty() ? "none" : records.get(records.size() - 1).value()));
        }
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        EventContracts.assertConforms(EventTypes.ALLOCATION, last.value());
        return json(last.value());
    }

    static String holder(JsonNode allocation, String activityId) {
        for (JsonNode entry : allocation.path("assignments")) {
            if (entry.path("activityId").asText().equals(activityId)) {
                return entry.path("clinicianId").asText();
            }
        }
        return null;
    }

    static int diffSize(JsonNode allocation) {
        return allocation.path("diff").path("added").size() + allocation.path("diff").path("removed").size();
    }

    private static JsonNode json(String value) {
        try {
            return RotaClient.JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Allocations() {
    }
}
