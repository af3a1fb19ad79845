package org.rota.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rota.infra.DevServiceTokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A client sends its token with every request; its signature is checked once, not every time. */
@QuarkusTest
class TokenVerificationTests {

    @TestHTTPResource(value = "/", management = true)
    URL managementInterface;

    @Test
    void aTokenSentAgainIsAnsweredFromWhatWasVerifiedNotCheckedAgain() {
        String token = DevServiceTokens.forUser("viewer");
        given().auth().oauth2(token).get("/procedures").then().statusCode(200);
        double hits = verifiedTokenCacheHits();

        given().auth().oauth2(token).get("/procedures").then().statusCode(200);
        given().auth().oauth2(token).get("/procedures").then().statusCode(200);

        assertThat(verifiedTokenCacheHits()).isEqualTo(hits + 2);
    }

    @Test
    void aForgedTokenIsRefusedAfterTheRealOneWasAccepted() {
        given().auth().oauth2(DevServiceTokens.forUser("admin")).get("/procedures").then().statusCode(200);

        given().auth().oauth2(DevServiceTokens.signedByAnotherKey(DevServiceTokens.issuer(), "admin",
                List.of("admin"))).get("/procedures").then().statusCode(401);
    }

    private double verifiedTokenCacheHits() {
        String metrics = given().port(managementInterface.getPort()).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"verified_tokens\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
