package org.rota.solver.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rota.platform.security.Roles;
import org.rota.solver.service.ReadModelRebuilder.Rebuilt;
import org.rota.solver.service.ReadModelRebuilder;

@Path("/read-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed(Roles.ADMIN)
public class ReadModelResource {

    private final ReadModelRebuilder rebuilder;

    ReadModelResource(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the read model from offset 0 of the change topics, then re-solve every window")
    public Rebuilt rebuild() {
        return rebuilder.rebuild();
    }
}
