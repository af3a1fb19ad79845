package org.rota.platform.inbound;

/**
 * Applies one inbound event through the service layer, inside the transaction {@link InboundBatchApplier} opened.
 * It throws {@link InvalidMessageException}, a Bean Validation failure or a 4xx problem when the message can never
 * be applied; anything transient (see {@link TransientFailures}) makes the batch wait and try again.
 */
@FunctionalInterface
public interface InboundHandler {

    void apply(InboundEvent event);
}
