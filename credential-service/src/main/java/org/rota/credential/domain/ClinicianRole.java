package org.rota.credential.domain;

public enum ClinicianRole {
    FACULTY,
    FELLOW,
    RESIDENT,
    NURSE,
    NURSE_PRACTITIONER,
    PHYSICIAN_ASSOCIATE,
    OTHER
}
