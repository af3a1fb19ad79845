package org.rota.web.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Cross-site request forgery: every write comes from the pages' own htmx requests, which carry {@code HX-Request};
 * another site's form cannot set a header (and the session cookie is SameSite=Lax), so a write without it is refused.
 */
public class HtmxOnlyWrites {

    @ServerRequestFilter
    public Response requireHtmx(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean write = HttpMethod.POST.equals(method) || HttpMethod.DELETE.equals(method)
                || HttpMethod.PUT.equals(method);
        if (write && !"true".equals(request.getHeaderString("HX-Request"))) {
            return Response.status(Response.Status.FORBIDDEN).type("text/plain")
                    .entity("Writes come from Rota's own pages only.").build();
        }
        return null;
    }
}
