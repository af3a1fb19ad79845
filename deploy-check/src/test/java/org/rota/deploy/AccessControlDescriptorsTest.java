package org.rota.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rota.deploy.DeploymentDescriptorsTest.ROOT;
import static org.rota.deploy.DeploymentDescriptorsTest.SERVICES;
import static org.rota.deploy.DeploymentDescriptorsTest.asMap;
import static org.rota.deploy.DeploymentDescriptorsTest.environment;
import static org.rota.deploy.DeploymentDescriptorsTest.list;
import static org.rota.deploy.DeploymentDescriptorsTest.listOrEmpty;
import static org.rota.deploy.DeploymentDescriptorsTest.loadYaml;
import static org.rota.deploy.DeploymentDescriptorsTest.map;
import static org.rota.deploy.DeploymentDescriptorsTest.readString;
import static org.rota.deploy.DeploymentDescriptorsTest.str;
import static org.rota.deploy.DeploymentDescriptorsTest.volumes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rota.deploy.DeploymentDescriptorsTest.Rendered;
import org.rota.deploy.DeploymentDescriptorsTest.Service;
import org.rota.events.Topics;
import org.rota.infra.DemoRealm;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Who may reach what, in docker-compose.yml and deploy/: Kafka users with ACLs that match what each service's
 * configuration produces and consumes, NetworkPolicies, the OIDC issuer and secrets from Secrets, ports published on
 * the loopback only, and no database password in the production profile.
 */
class AccessControlDescriptorsTest {

    /** What each service's outbox relay publishes (in code, not in application.properties). */
    static final Map<String, List<String>> OUTBOX_TOPICS = Map.of(
            "credential-service", List.of(Topics.CREDENTIALS, Topics.CREDENTIAL_ALERTS),
            "activity-service", List.of(Topics.ACTIVITIES),
            "solver-service", List.of(Topics.ALLOCATIONS, Topics.SOLVER_WORK, Topics.COVERAGE));

    /** A service's Kafka access, as its configuration needs it. */
    record KafkaAccess(Set<String> writes, Set<String> reads, Set<String> groups, String transactionalId) {

        /**
         * From the service's application.properties: the topics and groups of its incoming channels, the topics of
         * its outgoing channels, the dead-letter topic of each topic it reads (when the contract has one), its
         * outbox topics, and its relay's transactional id ("rota-outbox" + rota.events.source).
         */
        static KafkaAccess of(Service service) {
            Properties properties = DeploymentDescriptorsTest.applicationProperties(service);
            Set<String> writes = new TreeSet<>(OUTBOX_TOPICS.get(service.name()));
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Set<String> contract = new TreeSet<>(Topics.ALL.stream().map(Topics.TopicDefinition::name).toList());
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).trim();
                if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                    reads.add(value);
                } else if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                    groups.add(value);
                } else if (key.matches("mp\\.messaging\\.outgoing\\.[^.]+\\.topic")) {
                    writes.add(value);
                }
            }
            for (String topic : reads) {
                if (contract.contains(Topics.deadLetter(topic))) {
                    writes.add(Topics.deadLetter(topic));
                }
            }
            String source = properties.getProperty("rota.events.source");
            assertThat(source).as(service.name() + " rota.events.source").isNotBlank();
            return new KafkaAccess(writes, reads, groups, "rota-outbox" + source.trim());
        }
    }

    @Test
    void every_service_reads_and_writes_only_topics_of_the_event_contract() {
        Set<String> contract = new TreeSet<>(Topics.ALL.stream().map(Topics.TopicDefinition::name).toList());
        for (Service service : SERVICES) {
            KafkaAccess access = KafkaAccess.of(service);
            assertThat(contract).as(service.name() + " writes").containsAll(access.writes());
            assertThat(contract).as(service.name() + " reads").containsAll(access.reads());
        }
    }

    @Test
    void production_profile_has_no_database_password_and_fails_start_up_naming_the_variable() {
        for (Service service : SERVICES) {
            Path file = ROOT.resolve(service.name()).resolve("src/main/resources/application.properties");
            SmallRyeConfig withoutPassword = config(file, "prod", Map.of());
            assertThatThrownBy(() -> withoutPassword.getValue("quarkus.datasource.password", String.class))
                    .as(service.name() + " in prod without a password")
                    .hasMessageContaining("QUARKUS_DATASOURCE_PASSWORD");

            SmallRyeConfig withPassword = config(file, "prod", Map.of("QUARKUS_DATASOURCE_PASSWORD", "from-a-secret"));
            assertThat(withPassword.getValue("quarkus.datasource.password", String.class)).isEqualTo("from-a-secret");

            // tests and ./rota's local database keep working without one
            assertThat(config(file, "test", Map.of()).getValue("quarkus.datasource.password", String.class))
                    .isNotBlank();
        }
    }

    private static SmallRyeConfig config(Path file, String profile, Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile(profile)
                    .addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250))
                    .withSources(new EnvConfigSource(environment, 300))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_local_run_and_compose_use_the_keycloak_version_of_the_build() {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>")
                .matcher(readString(ROOT.resolve("pom.xml")));
        assertThat(version.find()).as("keycloak.version in pom.xml").isTrue();
        Map<String, Object> keycloak = map(asMap(loadYaml(ROOT.resolve("docker-compose.yml"))), "services", "keycloak");
        assertThat(str(keycloak, "image")).isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
        assertThat(readString(ROOT.resolve("rota"))).contains("<keycloak.version>");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // docker-compose.yml
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Compose {

        final Map<String, Object> services = map(asMap(loadYaml(ROOT.resolve("docker-compose.yml"))), "services");

        @Test
        void every_published_port_listens_on_the_loopback_only() {
            services.forEach((name, definition) -> {
                for (Object port : listOrEmpty(asMap(definition).get("ports"))) {
                    assertThat(String.valueOf(port)).as("compose " + name + " port").startsWith("127.0.0.1:");
                }
            });
        }

        @Test
        void kafka_authenticates_every_client_listener_with_scram_and_allows_nothing_without_an_acl() {
            Map<String, String> kafka = environment(map(services, "kafka"));
            Map<String, String> protocols = new java.util.HashMap<>();
            for (String entry : kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
                String[] parts = entry.split(":");
                protocols.put(parts[0], parts[1]);
            }
            String controller = kafka.get("KAFKA_CONTROLLER_LISTENER_NAMES");
            for (String listener : kafka.get("KAFKA_LISTENERS").split(",")) {
                String name = listener.substring(0, listener.indexOf(':'));
                if (name.equals(controller)) {
                    assertThat(listener).as("the plaintext controller listener").contains("//127.0.0.1:");
                } else {
                    assertThat(protocols.get(name)).as(name + " listener").isEqualTo("SASL_PLAINTEXT");
                }
            }
            for (Service service : SERVICES) {
                Map<String, String> env = environment(map(services, service.name()));
                String listener = listenerOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"), env.get("KAFKA_BOOTSTRAP_SERVERS"));
                assertThat(kafka.get("KAFKA_LISTENER_NAME_" + listener + "_SASL_ENABLED_MECHANISMS"))
                        .as(service.name() + "'s listener " + listener).isEqualTo("SCRAM-SHA-512");
                assertThat(env).as(service.name())
                        .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
                assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).as(service.name() + " signs in as itself")
                        .contains("ScramLoginModule").contains("username=\"" + service.name() + "\"");
            }
            assertThat(kafka).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                    "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
            assertThat(kafka.get("KAFKA_SUPER_USERS")).doesNotContain("service");
        }

        @Test
        void kafka_setup_gives_each_service_a_user_with_the_acls_its_configuration_needs() {
            Map<String, Object> setup = services.values().stream().map(DeploymentDescriptorsTest::asMap)
                    .filter(service -> environment(service).containsKey("SERVICES")).findFirst()
                    .orElseThrow(() -> new AssertionError("no compose service creates the Kafka users"));
            Map<String, String> env = environment(setup);
            assertThat(words(env.get("SERVICES"))).containsExactlyInAnyOrderElementsOf(
                    SERVICES.stream().map(Service::name).toList());
            for (Service service : SERVICES) {
                String prefix = service.name().toUpperCase(Locale.ROOT).replace('-', '_');
                KafkaAccess expected = KafkaAccess.of(service);
                assertThat(new KafkaAccess(words(env.get(prefix + "_WRITES")), words(env.get(prefix + "_READS")),
                        words(env.get(prefix + "_GROUPS")), env.get(prefix + "_TRANSACTIONAL_ID")))
                        .as("compose Kafka access of " + service.name()).isEqualTo(expected);
                assertThat(env.get(prefix + "_PASSWORD")).as(service.name() + " password").isNotBlank();
            }
            assertThat(volumes(setup).keySet().stream().map(ROOT::resolve).map(DeploymentDescriptorsTest::readString))
                    .anySatisfy(script -> assertThat(script).contains("kafka-acls.sh").contains("SCRAM-SHA-512="));
        }

        @Test
        void keycloak_imports_the_demo_realm_of_the_repository_and_activity_service_uses_its_secret() {
            Map<String, Object> keycloak = map(services, "keycloak");
            assertThat(volumes(keycloak)).containsEntry("./local-infra/src/main/resources/keycloak/rota-realm.json",
                    "/opt/keycloak/data/import/rota-realm.json");
            assertThat(list(keycloak, "command").stream().map(String::valueOf)).contains("--import-realm");
            for (Service service : SERVICES) {
                Map<String, Object> definition = map(services, service.name());
                assertThat(environment(definition).get("ROTA_OIDC_ISSUER")).as(service.name())
                        .isEqualTo("http://keycloak:8080/realms/" + DemoRealm.NAME);
                assertThat(map(definition, "depends_on")).as(service.name()).containsKey("keycloak");
            }
            assertThat(environment(map(services, "activity-service")).get("ROTA_ACTIVITY_SERVICE_CLIENT_SECRET"))
                    .endsWith(":-" + DemoRealm.clientSecret("activity-service") + "}");
        }

        private static String listenerOf(String advertised, String bootstrap) {
            for (String listener : advertised.split(",")) {
                if (listener.endsWith("//" + bootstrap)) {
                    return listener.substring(0, listener.indexOf(':'));
                }
            }
            throw new AssertionError(bootstrap + " is not an advertised listener: " + advertised);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Kustomize
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<String> kustomizations() throws IOException {
        return DeploymentDescriptorsTest.kustomizations();
    }

    @Nested
    class Kustomize {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.AccessControlDescriptorsTest#kustomizations")
        void every_service_has_a_scram_kafka_user_with_the_acls_its_configuration_needs(String dir) {
            Rendered rendered = Rendered.of(dir);
            assertThat(rendered.names("KafkaUser")).containsExactlyInAnyOrderElementsOf(
                    SERVICES.stream().map(Service::name).toList());
            for (Service service : SERVICES) {
                Map<String, Object> user = rendered.one("KafkaUser", service.name());
                assertThat(str(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("rota");
                assertThat(str(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
                assertThat(str(user, "spec", "authorization", "type")).isEqualTo("simple");
                Set<String> writes = new TreeSet<>();
                Set<String> reads = new TreeSet<>();
                Set<String> groups = new TreeSet<>();
                List<String> transactionalIds = new ArrayList<>();
                for (Object item : list(map(user, "spec", "authorization"), "acls")) {
                    Map<String, Object> acl = asMap(item);
                    Map<String, Object> resource = map(acl, "resource");
                    assertThat(str(resource, "patternType")).as(dir + " " + service.name() + " ACL pattern")
                            .isEqualTo("literal");
                    List<String> operations = list(acl, "operations").stream().map(String::valueOf).toList();
                    String name = str(resource, "name");
                    switch (str(resource, "type")) {
                        case "topic" -> {
                            if (operations.contains("Write")) {
                                assertThat(operations).containsExactlyInAnyOrder("Write", "Describe");
                                writes.add(name);
                            } else {
                                assertThat(operations).containsExactlyInAnyOrder("Read", "Describe");
                                reads.add(name);
                            }
                        }
                        case "group" -> {
                            assertThat(operations).containsExactly("Read");
                            groups.add(name);
                        }
                        case "transactionalId" -> {
                            assertThat(operations).containsExactlyInAnyOrder("Write", "Describe");
                            transactionalIds.add(name);
                        }
                        default -> throw new AssertionError(dir + " " + service.name() + " ACL on " + resource);
                    }
                }
                assertThat(transactionalIds).as(dir + " " + service.name()).hasSize(1);
                assertThat(new KafkaAccess(writes, reads, groups, transactionalIds.get(0)))
                        .as(dir + " Kafka access of " + service.name()).isEqualTo(KafkaAccess.of(service));
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.AccessControlDescriptorsTest#kustomizations")
        void every_service_signs_in_to_kafka_and_to_its_issuer_with_credentials_from_secrets(String dir) {
            Rendered rendered = Rendered.of(dir);
            for (Service service : SERVICES) {
                Map<String, Object> container = asMap(list(map(rendered.one("Deployment", service.name()),
                        "spec", "template", "spec"), "containers").get(0));
                Map<String, String> plain = rendered.environment(container);
                assertThat(plain).as(dir + " " + service.name())
                        .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                        .doesNotContainKeys("KAFKA_SASL_JAAS_CONFIG", "ROTA_OIDC_ISSUER", "QUARKUS_DATASOURCE_PASSWORD");
                assertThat(secretKeyRef(rendered, container, "KAFKA_SASL_JAAS_CONFIG")).as(dir + " " + service.name())
                        .isEqualTo(service.name() + "/sasl.jaas.config");
                assertThat(secretKeyRef(rendered, container, "ROTA_OIDC_ISSUER")).isEqualTo("rota-oidc/issuer");
                assertThat(secretKeyRef(rendered, container, "QUARKUS_DATASOURCE_PASSWORD"))
                        .isEqualTo(service.name() + "-db/password");
            }
            Map<String, Object> activities = asMap(list(map(rendered.one("Deployment", "activity-service"),
                    "spec", "template", "spec"), "containers").get(0));
            assertThat(secretKeyRef(rendered, activities, "ROTA_ACTIVITY_SERVICE_CLIENT_SECRET"))
                    .isEqualTo("activity-service-oidc/client-secret");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.AccessControlDescriptorsTest#kustomizations")
        void every_service_has_a_network_policy_that_lets_only_activity_service_call_another_service(String dir) {
            Rendered rendered = Rendered.of(dir);
            for (Service service : SERVICES) {
                Map<String, Object> policy = rendered.one("NetworkPolicy", service.name());
                String where = dir + " NetworkPolicy " + service.name();
                assertThat(str(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))
                        .isEqualTo(service.name());
                assertThat(list(map(policy, "spec"), "policyTypes")).as(where)
                        .containsExactlyInAnyOrder("Ingress", "Egress");
                for (Object item : list(map(policy, "spec"), "ingress")) {
                    Map<String, Object> rule = asMap(item);
                    assertThat(listOrEmpty(rule.get("from"))).as(where + " ingress from somewhere in particular")
                            .isNotEmpty();
                    for (Object from : list(rule, "from")) {
                        Object pods = asMap(from).get("podSelector");
                        if (pods != null) {
                            assertThat(service.name()).as(where + ": only credential-service is called by a pod")
                                    .isEqualTo("credential-service");
                            assertThat(appName(pods)).isEqualTo("activity-service");
                        }
                    }
                }
                List<String> servicesReached = new ArrayList<>();
                for (Object item : list(map(policy, "spec"), "egress")) {
                    for (Object to : listOrEmpty(asMap(item).get("to"))) {
                        String name = appName(asMap(to).get("podSelector"));
                        if (name != null && SERVICES.stream().anyMatch(s -> s.name().equals(name))) {
                            servicesReached.add(name);
                        }
                    }
                }
                assertThat(servicesReached).as(where + " egress to other services")
                        .isEqualTo(service.name().equals("activity-service") ? List.of("credential-service") : List.of());
            }
        }

        /** "secret/key" of the variable; a Secret generated by the overlay is named without its content hash. */
        private static String secretKeyRef(Rendered rendered, Map<String, Object> container, String variable) {
            for (Object item : listOrEmpty(container.get("env"))) {
                Map<String, Object> env = asMap(item);
                if (variable.equals(env.get("name")) && env.containsKey("valueFrom")) {
                    Map<String, Object> ref = map(env, "valueFrom", "secretKeyRef");
                    String name = str(ref, "name");
                    if (rendered.names("Secret").contains(name)) {
                        name = name.replaceFirst("-[a-z0-9]{10}$", "");
                    }
                    return name + "/" + str(ref, "key");
                }
            }
            return null;
        }

        private static String appName(Object selector) {
            Object labels = selector == null ? null : asMap(selector).get("matchLabels");
            return labels == null ? null : (String) asMap(labels).get("app.kubernetes.io/name");
        }
    }

    private static Set<String> words(String value) {
        Set<String> words = new TreeSet<>();
        if (value != null && !value.isBlank()) {
            words.addAll(List.of(value.trim().split("\\s+")));
        }
        return words;
    }
}
