package org.rota.credential;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The outbox relay's value serializer in this module's tests (see {@code %test.rota.outbox.producer."value.serializer"}):
 * it passes everything through, except the one record a test picked, which it fails once with the retriable error a
 * dropped broker connection gives.
 */
public class OnceFailingSerializer extends StringSerializer {

    private static final AtomicReference<String> ARMED = new AtomicReference<>();
    private static final AtomicInteger FAILURES = new AtomicInteger();

    /** The next record whose value contains {@code fragment} fails, once. */
    static void failOnce(String fragment) {
        ARMED.set(fragment);
    }

    static int failures() {
        return FAILURES.get();
    }

    @Override
    public byte[] serialize(String topic, Headers headers, String data) {
        String fragment = ARMED.get();
        if (fragment != null && data != null && data.contains(fragment) && ARMED.compareAndSet(fragment, null)) {
            FAILURES.incrementAndGet();
            throw new NetworkException("Injected by the test: the connection dropped while this record was sent");
        }
        return super.serialize(topic, headers, data);
    }
}
