package org.rota.activity.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rota.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.activity.service.AbsenceService;

/**
 * Erases a clinician's personal data held here (right to erasure), beside credential-service's erasure of the
 * clinician itself ({@code POST /clinicians/{id}/erasure} there): the reasons of their absences.
 */
@Path("/clinicians/{id}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Erasure")
public class ClinicianErasureResource {

    /** What the erasure changed. */
    public record ErasureResult(UUID clinicianId, int absencesChanged) {
    }

    private final AbsenceService absences;

    ClinicianErasureResource(AbsenceService absences) {
        this.absences = absences;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public ErasureResult erase(@PathParam("id") UUID clinicianId) {
        return new ErasureResult(clinicianId, absences.eraseReasonsOf(clinicianId));
    }
}
