package org.rota.events;

/** Inbound from the credentialing office: create or update the procedure with this code. */
public record ProcedureUpsert(String code, String name, Boolean active) {
}
