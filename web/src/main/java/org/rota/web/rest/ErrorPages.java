package org.rota.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** Failures as pages that say what happened, never a stack trace. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance notFound(String what, String message, String hint, String hintUrl);

        static native TemplateInstance unavailable(int status, String message);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return page(404, Templates.notFound(e.what(), e.getMessage(), e.hint(), e.hintUrl()));
    }

    /** A service refused or failed a call: its status (403 stays 403), without its body or a trace. */
    @ServerExceptionMapper
    public Response serviceFailed(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return page(404, Templates.notFound("Page", "There is no such page.", null, null));
        }
        if (status == 401 || status == 403) {
            return page(403, Templates.unavailable(403, "You are signed in, but your role may not see this."));
        }
        LOG.warnf("A call failed with %d: %s", status, e.getMessage());
        return page(502, Templates.unavailable(502, "A Rota service did not answer as expected; try again shortly."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, Templates.unavailable(403, "You are signed in, but your role may not do this."));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure rendering a page", e);
        return page(502, Templates.unavailable(502, "A Rota service could not be reached; try again shortly."));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
