package org.rota.contracts;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.response.Response;

/** The OpenAPI document the application under test serves. */
public final class ServedOpenApi {

    private static final String PATH = "/q/openapi";

    /**
     * From the application port, or from the management interface once that is enabled (smallrye-openapi moves
     * {@code /q/openapi} there by default).
     */
    public static String fetch() {
        boolean management = ConfigProvider.getConfig().getOptionalValue("quarkus.management.enabled", Boolean.class)
                .orElse(false);
        Response response = management ? get(TestHTTPResourceManager.getManagementUri() + PATH) : null;
        if (response == null || response.statusCode() == 404) {
            response = get(PATH);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + PATH + " answered " + response.statusCode());
        }
        return response.asString();
    }

    private static Response get(String url) {
        // JSON, not YAML: a YAML 1.1 reader takes an unquoted example such as 13:45:30 for a number
        return given().accept("application/json").queryParam("format", "json").get(url);
    }

    private ServedOpenApi() {
    }
}
