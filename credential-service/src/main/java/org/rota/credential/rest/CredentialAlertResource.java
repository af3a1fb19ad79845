package org.rota.credential.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.credential.service.CredentialAlerts;
import org.rota.credential.service.CredentialAlerts.AlertCheckRun;
import org.rota.credential.service.CredentialAlerts.Trigger;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.security.Roles;

@Path("/credential-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Credential alerts")
public class CredentialAlertResource {

    private final CredentialAlerts alerts;

    CredentialAlertResource(CredentialAlerts alerts) {
        this.alerts = alerts;
    }

    /** For operators and tests: the daily check of every credential, now (it sends only what is still due). */
    @POST
    @Path("/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Check every credential for expiry alerts now",
            description = "Sends the expiring and expired alerts due today (hospital zone) that were not sent before; "
                    + "409 while another check runs on any replica.")
    public AlertCheckRun run() {
        return alerts.checkAll(Trigger.REQUEST).orElseThrow(() -> new ProblemException(409, "Conflict",
                "Another check of every credential is running; try again when it has finished", null,
                Map.of("Retry-After", "5")));
    }
}
