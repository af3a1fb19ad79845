package org.rota.web.live;

import org.rota.events.AllocationEvent;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** The CloudEvent's data (binary mode: the record value) as the contract's record. */
public class AllocationEventDeserializer extends ObjectMapperDeserializer<AllocationEvent> {

    public AllocationEventDeserializer() {
        super(AllocationEvent.class);
    }
}
