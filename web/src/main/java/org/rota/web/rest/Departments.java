package org.rota.web.rest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.events.ClinicianEvent;
import org.rota.web.client.RotaServices;
import org.rota.web.config.WebConfig;

import io.smallrye.mutiny.Uni;

/**
 * The departments there are: those of the active clinicians (credential-service has no list of its own), read again
 * after {@code web.departments-ttl}. Every role may read clinicians, so one list serves every user.
 */
@ApplicationScoped
public class Departments {

    private record Known(List<String> codes, Instant readAt) {
    }

    private final RotaServices services;
    private final WebConfig config;
    private final AtomicReference<Known> known = new AtomicReference<>();

    Departments(RotaServices services, WebConfig config) {
        this.services = services;
        this.config = config;
    }

    public Uni<List<String>> all() {
        Known current = known.get();
        if (current != null && current.readAt().plus(config.departmentsTtl()).isAfter(Instant.now())) {
            return Uni.createFrom().item(current.codes());
        }
        return services.allClinicians().map(clinicians -> {
            TreeSet<String> codes = new TreeSet<>();
            for (ClinicianEvent clinician : clinicians) {
                clinician.departments().stream().filter(Objects::nonNull).forEach(codes::add);
            }
            List<String> read = List.copyOf(codes);
            known.set(new Known(read, Instant.now()));
            return read;
        });
    }
}
