package org.rota.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rota.events.Topics;
import org.rota.infra.QuarkusServiceProcess;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The container and Kubernetes descriptors agree with the services and the event contract: Kustomize output as
 * {@code kubectl kustomize} renders it (base and every overlay), {@code docker-compose.yml} and each service's
 * {@code Dockerfile.jvm}. Ports come from each service's application.properties, topics from {@link Topics}.
 */
class DeploymentDescriptorsTest {

    static final Path ROOT = Path.of(System.getProperty("rota.root", "..")).toAbsolutePath().normalize();

    /** The services, with the port and database design.md gives them (used only until a service has its own config). */
    static final List<Service> SERVICES = List.of(
            Service.of("credential-service", 8081, "credentials"),
            Service.of("activity-service", 8082, "activities"),
            Service.of("solver-service", 8083, "solver"));

    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";

    /** Design target: each service starts with < 300 MB RSS, so a limit must leave room above that. */
    static final long STARTUP_RSS_BYTES = 300L * 1024 * 1024;

    // ---------------------------------------------------------------------------------------------------------------
    // Kustomize
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<String> kustomizations() throws IOException {
        Path overlays = ROOT.resolve("deploy/overlays");
        List<String> dirs = new ArrayList<>(List.of("deploy/base"));
        try (Stream<Path> children = Files.list(overlays)) {
            children.filter(dir -> Files.exists(dir.resolve("kustomization.yaml")))
                    .map(dir -> ROOT.relativize(dir).toString())
                    .sorted()
                    .forEach(dirs::add);
        }
        assertThat(dirs).as("at least one overlay under deploy/overlays").hasSizeGreaterThan(1);
        return dirs.stream();
    }

    @Nested
    class Kustomize {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.DeploymentDescriptorsTest#kustomizations")
        void every_service_has_a_deployment_with_probes_resources_image_and_its_port(String dir) {
            Rendered rendered = Rendered.of(dir);
            for (Service service : SERVICES) {
                Map<String, Object> deployment = rendered.one("Deployment", service.name());
                Map<String, Object> pod = map(deployment, "spec", "template", "spec");
                Map<String, Object> container = list(pod, "containers").stream()
                        .map(DeploymentDescriptorsTest::asMap)
                        .filter(c -> service.name().equals(c.get("name")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(dir + ": no container " + service.name()));
                String where = dir + " " + service.name();

                assertImageIsPinned(where, str(container, "image"));

                Map<String, Integer> ports = namedPorts(container);
                assertThat(ports.values()).as(where + " container ports").contains(service.port(), service.managementPort());

                Map<String, Object> readiness = map(container, "readinessProbe", "httpGet");
                assertThat(str(readiness, "path")).as(where + " readiness path").isEqualTo(READY);
                assertThat(resolvePort(readiness.get("port"), ports)).as(where + " readiness port").isEqualTo(service.managementPort());
                Map<String, Object> liveness = map(container, "livenessProbe", "httpGet");
                assertThat(str(liveness, "path")).as(where + " liveness path").isEqualTo(LIVE);
                assertThat(resolvePort(liveness.get("port"), ports)).as(where + " liveness port").isEqualTo(service.managementPort());
                Map<String, Object> startup = map(container, "startupProbe", "httpGet");
                assertThat(str(startup, "path")).as(where + " startup path").startsWith("/q/health/");
                assertThat(resolvePort(startup.get("port"), ports)).as(where + " startup port").isEqualTo(service.managementPort());

                Map<String, Object> requests = map(container, "resources", "requests");
                Map<String, Object> limits = map(container, "resources", "limits");
                assertThat(requests).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(limits).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(bytes(limits.get("memory"))).as(where + " memory limit above the 300 MB start-up RSS")
                        .isGreaterThan(STARTUP_RSS_BYTES)
                        .isGreaterThanOrEqualTo(bytes(requests.get("memory")));
                assertThat(cpus(limits.get("cpu"))).as(where + " cpu limit ≥ request")
                        .isGreaterThanOrEqualTo(cpus(requests.get("cpu")));

                Map<String, String> env = rendered.environment(container);
                assertThat(env.get("QUARKUS_HTTP_PORT")).as(where + " QUARKUS_HTTP_PORT").isEqualTo(String.valueOf(service.port()));
                assertThat(databaseOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"))).as(where + " JDBC URL's database")
                        .isEqualTo(service.database());
                assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(where + " KAFKA_BOOTSTRAP_SERVERS").isNotBlank();
                Map<String, String> secretRefs = secretKeyRefs(container);
                assertThat(secretRefs).as(where + " database credentials from a Secret")
                        .containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
                assertThat(env).as(where + " no credentials in plain configuration")
                        .doesNotContainKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
                if (!rendered.all("Secret").isEmpty()) {
                    // a KafkaUser's Secret is written by Strimzi's User Operator, not rendered
                    assertThat(rendered.names("Secret")).as(where + " referenced Secrets are rendered")
                            .containsAll(secretRefs.values().stream()
                                    .filter(secret -> !rendered.names("KafkaUser").contains(secret)).toList());
                }

                Object runAsNonRoot = pod.containsKey("securityContext") ? map(pod, "securityContext").get("runAsNonRoot") : null;
                if (container.containsKey("securityContext") && map(container, "securityContext").containsKey("runAsNonRoot")) {
                    runAsNonRoot = map(container, "securityContext").get("runAsNonRoot");
                }
                assertThat(runAsNonRoot).as(where + " runAsNonRoot").isEqualTo(true);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.DeploymentDescriptorsTest#kustomizations")
        void every_service_has_a_service_reaching_its_port(String dir) {
            Rendered rendered = Rendered.of(dir);
            for (Service service : SERVICES) {
                Map<String, Object> deployment = rendered.one("Deployment", service.name());
                Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
                Map<String, Object> container = asMap(list(map(deployment, "spec", "template", "spec"), "containers").get(0));
                Map<String, Object> k8sService = rendered.one("Service", service.name());

                assertThat(podLabels).as(dir + " " + service.name() + " Service selector matches the pods")
                        .containsAllEntriesOf(map(k8sService, "spec", "selector"));
                assertThat(map(deployment, "spec", "selector", "matchLabels")).isNotEmpty();
                List<Map<String, Object>> servicePorts = list(map(k8sService, "spec"), "ports").stream()
                        .map(DeploymentDescriptorsTest::asMap).toList();
                assertThat(servicePorts).as(dir + " " + service.name() + " Service ports")
                        .anySatisfy(port -> {
                            assertThat(port.get("port")).isEqualTo(service.port());
                            assertThat(resolvePort(port.get("targetPort"), namedPorts(container))).isEqualTo(service.port());
                        });
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.DeploymentDescriptorsTest#kustomizations")
        void activity_service_calls_credential_service_through_its_service(String dir) {
            Rendered rendered = Rendered.of(dir);
            Map<String, Object> container = asMap(list(map(rendered.one("Deployment", "activity-service"),
                    "spec", "template", "spec"), "containers").get(0));
            assertThat(rendered.environment(container).get("QUARKUS_REST_CLIENT_CREDENTIAL_SERVICE_URL"))
                    .isEqualTo("http://credential-service:" + service("credential-service").port());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.DeploymentDescriptorsTest#kustomizations")
        void kafka_topics_are_those_of_the_event_contract(String dir) {
            Rendered rendered = Rendered.of(dir);
            Map<String, String> actual = new TreeMap<>();
            for (Map<String, Object> topic : rendered.all("KafkaTopic")) {
                String name = str(topic, "metadata", "name");
                assertThat(str(topic, "apiVersion")).as(dir + " " + name).isEqualTo("kafka.strimzi.io/v1beta2");
                assertThat(map(topic, "metadata", "labels").get("strimzi.io/cluster")).as(dir + " " + name + " strimzi.io/cluster")
                        .isInstanceOf(String.class).asString().isNotBlank();
                Map<String, Object> spec = map(topic, "spec");
                String topicName = spec.containsKey("topicName") ? str(spec, "topicName") : name;
                actual.put(topicName, spec.get("partitions") + " " + map(spec, "config").get("cleanup.policy"));
            }
            assertThat(actual).as(dir + " topics: partitions and cleanup.policy").isEqualTo(expectedTopics());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.rota.deploy.DeploymentDescriptorsTest#kustomizations")
        void kafka_topics_carry_the_compaction_and_retention_settings_of_the_event_contract(String dir) {
            Map<String, Map<String, String>> actual = new TreeMap<>();
            for (Map<String, Object> topic : Rendered.of(dir).all("KafkaTopic")) {
                Map<String, Object> spec = map(topic, "spec");
                String topicName = spec.containsKey("topicName") ? str(spec, "topicName") : str(topic, "metadata", "name");
                Map<String, String> config = new TreeMap<>();
                map(spec, "config").forEach((key, value) -> config.put(key, String.valueOf(value)));
                actual.put(topicName, config);
            }
            // an overlay may add settings of its own (replication): the contract's must all be there
            for (Topics.TopicDefinition topic : Topics.ALL) {
                assertThat(actual.get(topic.name())).as(dir + " " + topic.name() + " configuration")
                        .containsAllEntriesOf(topic.config());
            }
        }

        @Test
        void solver_service_runs_two_replicas_in_the_base_with_cpu_for_its_workers() throws IOException {
            Rendered base = Rendered.of("deploy/base");
            Map<String, Object> solver = base.one("Deployment", "solver-service");
            assertThat(map(solver, "spec").get("replicas")).isEqualTo(2);
            for (String dir : kustomizations().toList()) {
                Rendered rendered = Rendered.of(dir);
                Map<String, Object> container = asMap(list(map(rendered.one("Deployment", "solver-service"),
                        "spec", "template", "spec"), "containers").get(0));
                String workers = rendered.environment(container).get("SOLVER_WORKERS");
                assertThat(workers).as(dir + " SOLVER_WORKERS").isNotBlank();
                assertThat(cpus(map(container, "resources", "limits").get("cpu"))).as(dir + " solver cpu limit ≥ SOLVER_WORKERS")
                        .isGreaterThanOrEqualTo(new BigDecimal(workers));
            }
        }

        @Test
        void production_commits_no_secret() {
            assertThat(Rendered.of("deploy/overlays/production").all("Secret")).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // docker-compose.yml
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Compose {

        final Map<String, Object> compose = asMap(loadYaml(ROOT.resolve("docker-compose.yml")));
        final Map<String, Object> services = map(compose, "services");

        @Test
        void kafka_is_a_single_kraft_node_of_the_official_image_with_internal_topics_at_replication_factor_one() {
            Map<String, Object> kafka = map(services, "kafka");
            assertThat(str(kafka, "image")).startsWith("apache/kafka:4.1.");
            Map<String, String> env = environment(kafka);
            assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
            assertThat(env).containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            assertThat(kafka).containsKey("healthcheck");
            assertThat(map(services, "postgres")).containsKey("healthcheck");
            assertThat(str(map(services, "postgres"), "image")).startsWith("postgres:");
        }

        @Test
        void the_topic_service_creates_the_topics_of_the_event_contract() {
            Map.Entry<String, Object> creator = services.entrySet().stream()
                    .filter(e -> environment(asMap(e.getValue())).containsKey("COMPACTED_TOPICS"))
                    .findFirst().orElseThrow(() -> new AssertionError("no service with COMPACTED_TOPICS"));
            Map<String, String> env = environment(asMap(creator.getValue()));
            Map<String, String> actual = new TreeMap<>();
            for (String topic : env.get("COMPACTED_TOPICS").trim().split("\\s+")) {
                actual.put(topic, env.get("PARTITIONS") + " compact");
            }
            for (String topic : env.get("DELETE_TOPICS").trim().split("\\s+")) {
                assertThat(actual).as("topic listed twice: " + topic).doesNotContainKey(topic);
                actual.put(topic, env.get("PARTITIONS") + " delete");
            }
            assertThat(actual).isEqualTo(expectedTopics());

            String script = volumes(asMap(creator.getValue())).keySet().stream()
                    .filter(source -> source.endsWith(".sh")).findFirst().orElseThrow();
            assertThat(ROOT.resolve(script)).exists();
            assertThat(readString(ROOT.resolve(script))).contains("cleanup.policy=");
        }

        @Test
        void postgres_is_initialised_with_every_service_database() {
            Map<String, String> mounts = volumes(map(services, "postgres"));
            String init = mounts.entrySet().stream()
                    .filter(e -> e.getValue().startsWith("/docker-entrypoint-initdb.d/"))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no init script"));
            String sql = readString(ROOT.resolve(init)).toLowerCase();
            for (Service service : SERVICES) {
                assertThat(sql).contains("create database " + service.database() + ";");
            }
        }

        @Test
        void every_service_is_built_from_its_dockerfile_on_its_port_with_health_check_and_dependencies() {
            Map<String, String> kafkaEnv = environment(map(services, "kafka"));
            for (Service service : SERVICES) {
                Map<String, Object> def = map(services, service.name());
                String where = "compose " + service.name();

                Map<String, Object> build = map(def, "build");
                Path dockerfile = ROOT.resolve(str(build, "context")).resolve(str(build, "dockerfile")).normalize();
                assertThat(dockerfile).as(where + " Dockerfile")
                        .isEqualTo(ROOT.resolve(service.name()).resolve("src/main/docker/Dockerfile.jvm"));

                Map<String, String> env = environment(def);
                assertThat(env.get("QUARKUS_HTTP_PORT")).as(where + " QUARKUS_HTTP_PORT").isEqualTo(String.valueOf(service.port()));
                assertThat(databaseOf(env.get("QUARKUS_DATASOURCE_JDBC_URL"))).as(where + " database").isEqualTo(service.database());
                assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as(where + " JDBC host").contains("//postgres:");
                assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(where + " bootstrap is an advertised listener").isNotBlank();
                assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")).contains("//" + env.get("KAFKA_BOOTSTRAP_SERVERS"));
                assertThat(env).as(where + " DB credentials").containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");

                assertThat(list(def, "ports").stream().map(String::valueOf).toList()).as(where + " published port")
                        .anySatisfy(port -> assertThat(port).endsWith(service.port() + ":" + service.port()));
                String healthcheck = String.join(" ", list(map(def, "healthcheck"), "test").stream().map(String::valueOf).toList());
                assertThat(healthcheck).as(where + " healthcheck").contains(":" + service.managementPort() + READY);

                Map<String, Object> dependsOn = map(def, "depends_on");
                assertThat(map(dependsOn, "postgres").get("condition")).isEqualTo("service_healthy");
                assertThat(map(dependsOn, "kafka").get("condition")).isEqualTo("service_healthy");
                assertThat(dependsOn.values().stream().map(v -> asMap(v).get("condition")))
                        .as(where + " waits for the topics").contains("service_completed_successfully");
            }
            assertThat(environment(map(services, "activity-service")).get("QUARKUS_REST_CLIENT_CREDENTIAL_SERVICE_URL"))
                    .isEqualTo("http://credential-service:" + service("credential-service").port());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Dockerfiles
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void every_dockerfile_runs_the_fast_jar_on_a_java_17_runtime_as_non_root_exposing_the_port() {
        for (Service service : SERVICES) {
            Path file = ROOT.resolve(service.name()).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(file).exists();
            List<String> lines = readString(file).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            String where = service.name() + " Dockerfile";
            assertThat(instruction(lines, "FROM")).as(where + " base image")
                    .anySatisfy(from -> assertThat(from).matches("(?i).*(17-jre|openjdk-17-runtime).*"));
            assertThat(instruction(lines, "EXPOSE")).as(where + " EXPOSE")
                    .containsExactly(service.port() + " " + service.managementPort());
            List<String> users = instruction(lines, "USER");
            assertThat(users).as(where + " USER").isNotEmpty();
            assertThat(users.get(users.size() - 1).split(":")[0]).as(where + " final USER").isNotIn("root", "0");
            assertThat(instruction(lines, "COPY")).as(where + " copies the fast-jar")
                    .anySatisfy(copy -> assertThat(copy).contains("target/quarkus-app/lib/"))
                    .anySatisfy(copy -> assertThat(copy).contains("target/quarkus-app/app/"))
                    .anySatisfy(copy -> assertThat(copy).contains("target/quarkus-app/quarkus/"));
            assertThat(String.join(" ", instruction(lines, "ENTRYPOINT"))).contains("quarkus-run.jar").contains("$JAVA_OPTS");
            // an explicit heap, so that what the JVM may take is known beside CP-SAT's native memory (see below)
            assertThat(String.join(" ", instruction(lines, "ENV"))).contains("-Xmx");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // How every service is run
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void readiness_never_waits_for_kafka_so_replicas_may_outnumber_partitions_and_survive_a_broker_outage() {
        // The outbox takes writes while the broker is away, and a consumer beyond the partition count owns no
        // partition: neither may take a pod out of service. Kafka has its own health group instead.
        for (Service service : SERVICES) {
            Properties properties = applicationProperties(service);
            assertThat(properties.getProperty("mp.messaging.connector.smallrye-kafka.health-readiness-enabled"))
                    .as(service.name() + " Kafka channels in readiness").isEqualTo("false");
        }
    }

    @Test
    void every_way_a_service_is_run_has_the_same_bounded_memory_settings_and_exits_on_out_of_memory() {
        for (Service service : SERVICES) {
            List<String> dockerfile = jvmMemoryOptions(dockerfileJavaOptions(service));
            List<String> rota = jvmMemoryOptions(rotaJvmOptions(service));
            List<String> systemTests = jvmMemoryOptions(String.join(" ", QuarkusServiceProcess.memoryOptions(service.name())));
            assertThat(dockerfile).as(service.name() + " Dockerfile JAVA_OPTS")
                    .contains("-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC")
                    .anyMatch(option -> option.startsWith("-Xmx"))
                    .anyMatch(option -> option.startsWith("-XX:MaxMetaspaceSize="))
                    .anyMatch(option -> option.startsWith("-XX:ReservedCodeCacheSize="));
            assertThat(rota).as(service.name() + " ./rota").isEqualTo(dockerfile);
            assertThat(systemTests).as(service.name() + " system tests (QuarkusServiceProcess)").isEqualTo(dockerfile);
            String dockerfileText = readString(ROOT.resolve(service.name()).resolve("src/main/docker/Dockerfile.jvm"));
            QuarkusServiceProcess.MALLOC_SETTINGS.forEach((name, value) -> assertThat(dockerfileText)
                    .as(service.name() + " Dockerfile: glibc " + name).containsPattern(name + "=" + value + "\\b"));
        }
        String rota = readString(ROOT.resolve("rota"));
        QuarkusServiceProcess.MALLOC_SETTINGS.forEach((name, value) -> assertThat(rota)
                .as("./rota: glibc " + name).containsPattern(name + "=" + value + "\\b"));
        assertThat(rota).as("./rota starts the services with the glibc settings").contains("env $MALLOC_SETTINGS java ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.rota.deploy.DeploymentDescriptorsTest#kustomizations")
    void every_memory_limit_keeps_a_quarter_free_above_what_its_service_may_take(String dir) {
        Rendered rendered = Rendered.of(dir);
        for (Service service : SERVICES) {
            Map<String, Object> container = list(map(rendered.one("Deployment", service.name()), "spec", "template",
                    "spec"), "containers").stream().map(DeploymentDescriptorsTest::asMap)
                    .filter(c -> service.name().equals(c.get("name"))).findFirst().orElseThrow();
            assertThat(rendered.environment(container)).as(dir + " " + service.name() + " keeps the image's JAVA_OPTS")
                    .doesNotContainKey("JAVA_OPTS");
            long limit = bytes(map(container, "resources", "limits").get("memory"));
            // what the flags bound: heap, metaspace and code cache
            long jvm = jvmMemoryOptions(dockerfileJavaOptions(service)).stream()
                    .filter(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxMetaspaceSize=")
                            || option.startsWith("-XX:ReservedCodeCacheSize="))
                    .mapToLong(option -> bytes(option.replaceFirst("^-Xmx|^-XX:[A-Za-z]+=", "").replace("m", "Mi")))
                    .sum();
            assertThat(jvm).as(dir + " " + service.name() + " heap + metaspace + code cache ≤ 75 % of the limit")
                    .isLessThanOrEqualTo(limit * 3 / 4);
            String solverCap = applicationProperties(service).getProperty("solver.max-memory-mb");
            if (solverCap != null) {
                // CP-SAT stops searching once the process's resident memory passes this
                assertThat(Long.parseLong(solverCap.trim()) << 20)
                        .as(dir + " " + service.name() + " solver.max-memory-mb ≤ 75 % of the limit, above the JVM's bounds")
                        .isLessThanOrEqualTo(limit * 3 / 4).isGreaterThan(jvm);
            }
        }
    }

    /** The memory options among some JVM options (-Xmx, -Xss, -XX:...), in order. */
    static List<String> jvmMemoryOptions(String options) {
        return Arrays.stream(options.trim().split("\\s+"))
                .filter(option -> option.startsWith("-Xm") || option.startsWith("-Xss") || option.startsWith("-XX:"))
                .toList();
    }

    static String dockerfileJavaOptions(Service service) {
        Matcher m = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"")
                .matcher(readString(ROOT.resolve(service.name()).resolve("src/main/docker/Dockerfile.jvm")));
        assertThat(m.find()).as(service.name() + " Dockerfile sets JAVA_OPTS").isTrue();
        return m.group(1);
    }

    /** What ./rota's jvm_options function prints for the service, run by bash. */
    static String rotaJvmOptions(Service service) {
        Matcher m = Pattern.compile("(?ms)^jvm_options\\(\\) \\{.*?^\\}").matcher(readString(ROOT.resolve("rota")));
        assertThat(m.find()).as("./rota defines jvm_options").isTrue();
        try {
            Process bash = new ProcessBuilder("bash", "-c", m.group() + "\njvm_options " + service.name())
                    .redirectErrorStream(true).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as("jvm_options " + service.name() + ": " + out).isZero();
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Expectations from the code base
    // ---------------------------------------------------------------------------------------------------------------

    /** Topic name to "partitions cleanup.policy", as {@link Topics} defines them. */
    static Map<String, String> expectedTopics() {
        return Topics.ALL.stream().collect(Collectors.toMap(Topics.TopicDefinition::name,
                t -> t.partitions() + " " + (t.compacted() ? "compact" : "delete"), (a, b) -> a, TreeMap::new));
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A service's port and database, read from its application.properties when it has one. */
    /** @param managementPort health and metrics (the management interface, no token) */
    record Service(String name, int port, int managementPort, String database) {
        static Service of(String name, int designPort, String designDatabase) {
            Path file = ROOT.resolve(name).resolve("src/main/resources/application.properties");
            if (!Files.exists(file)) {
                return new Service(name, designPort, designPort + 1000, designDatabase);
            }
            Properties properties = load(file);
            String port = properties.getProperty("quarkus.http.port");
            assertThat(port).as(file + " quarkus.http.port").isNotBlank();
            String managementPort = properties.getProperty("quarkus.management.port");
            assertThat(managementPort).as(file + " quarkus.management.port").isNotBlank();
            assertThat(properties.getProperty("quarkus.management.enabled")).as(file + " quarkus.management.enabled")
                    .isEqualTo("true");
            String database = databaseOf(properties.getProperty("quarkus.datasource.jdbc.url"));
            return new Service(name, Integer.parseInt(port.trim()), Integer.parseInt(managementPort.trim()),
                    database == null ? designDatabase : database);
        }
    }

    static String databaseOf(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/]+/([^?;]+)").matcher(jdbcUrl.trim());
        return m.find() ? m.group(1) : null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // kubectl kustomize
    // ---------------------------------------------------------------------------------------------------------------

    /** The documents of one kustomization as kubectl renders them; each directory is rendered once per run. */
    record Rendered(String dir, List<Map<String, Object>> documents) {

        private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

        static Rendered of(String dir) {
            return CACHE.computeIfAbsent(dir, d -> new Rendered(d, render(d)));
        }

        List<Map<String, Object>> all(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        List<String> names(String kind) {
            return all(kind).stream().map(d -> str(d, "metadata", "name")).toList();
        }

        Map<String, Object> one(String kind, String name) {
            List<Map<String, Object>> found = all(kind).stream().filter(d -> name.equals(str(d, "metadata", "name"))).toList();
            assertThat(found).as(dir + ": " + kind + " " + name).hasSize(1);
            return found.get(0);
        }

        /** Plain values of a container's environment: its ConfigMaps (envFrom) overridden by its env values. */
        Map<String, String> environment(Map<String, Object> container) {
            Map<String, String> env = new LinkedHashMap<>();
            for (Object from : listOrEmpty(container.get("envFrom"))) {
                Map<String, Object> ref = asMap(asMap(from).get("configMapRef"));
                if (ref != null) {
                    Map<String, Object> data = map(one("ConfigMap", str(ref, "name")), "data");
                    data.forEach((k, v) -> env.put(k, String.valueOf(v)));
                }
            }
            for (Object item : listOrEmpty(container.get("env"))) {
                Map<String, Object> var = asMap(item);
                if (var.containsKey("value")) {
                    env.put(str(var, "name"), String.valueOf(var.get("value")));
                } else if (var.containsKey("valueFrom") && map(var, "valueFrom").containsKey("configMapKeyRef")) {
                    Map<String, Object> ref = map(var, "valueFrom", "configMapKeyRef");
                    env.put(str(var, "name"), String.valueOf(map(one("ConfigMap", str(ref, "name")), "data").get(str(ref, "key"))));
                }
            }
            return env;
        }

        private static List<Map<String, Object>> render(String dir) {
            String kubectl = kubectlOnPath();
            try {
                Path stderr = Files.createTempFile("kustomize", ".err");
                Process process = new ProcessBuilder(kubectl, "kustomize", ROOT.resolve(dir).toString())
                        .redirectError(stderr.toFile())
                        .start();
                List<Map<String, Object>> documents = new ArrayList<>();
                try (InputStream out = process.getInputStream()) {
                    byte[] yaml = out.readAllBytes();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                        fail("kubectl kustomize " + dir + " took more than 30 s");
                    }
                    assertThat(process.exitValue()).as("kubectl kustomize " + dir + " failed: " + Files.readString(stderr))
                            .isZero();
                    for (Object doc : yaml().loadAll(new String(yaml, StandardCharsets.UTF_8))) {
                        if (doc != null) {
                            documents.add(asMap(doc));
                        }
                    }
                } finally {
                    Files.deleteIfExists(stderr);
                }
                return documents;
            } catch (IOException e) {
                throw new IllegalStateException("running kubectl kustomize " + dir, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String kubectlOnPath() {
            String path = System.getenv().getOrDefault("PATH", "");
            return Arrays.stream(path.split(File.pathSeparator))
                    .filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, "kubectl"))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .findFirst()
                    .orElseGet(() -> fail("kubectl is not on the PATH (" + path + "). This test renders deploy/ with"
                            + " `kubectl kustomize`; install kubectl (it ships Kustomize) and run again."));
        }
    }

    static void assertImageIsPinned(String where, String image) {
        assertThat(image).as(where + " image").isNotBlank();
        if (image.contains("@sha256:")) {
            return;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        assertThat(lastSegment).as(where + " image has a tag: " + image).contains(":");
        assertThat(lastSegment.substring(lastSegment.indexOf(':') + 1)).as(where + " image tag").isNotEqualTo("latest");
    }

    static Map<String, Integer> namedPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new HashMap<>();
        for (Object item : list(container, "ports")) {
            Map<String, Object> port = asMap(item);
            int number = ((Number) port.get("containerPort")).intValue();
            ports.put(port.containsKey("name") ? str(port, "name") : String.valueOf(number), number);
        }
        return ports;
    }

    static Integer resolvePort(Object port, Map<String, Integer> named) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        assertThat(named).as("named port " + port).containsKey(String.valueOf(port));
        return named.get(String.valueOf(port));
    }

    /** Environment variable name to the Secret it comes from. */
    static Map<String, String> secretKeyRefs(Map<String, Object> container) {
        Map<String, String> refs = new HashMap<>();
        for (Object item : listOrEmpty(container.get("env"))) {
            Map<String, Object> var = asMap(item);
            if (var.containsKey("valueFrom") && map(var, "valueFrom").containsKey("secretKeyRef")) {
                refs.put(str(var, "name"), str(map(var, "valueFrom", "secretKeyRef"), "name"));
            }
        }
        return refs;
    }

    static long bytes(Object quantity) {
        String q = String.valueOf(quantity);
        Map<String, Long> units = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "K", 1000L, "M", 1000_000L,
                "G", 1000_000_000L);
        for (String unit : List.of("Ki", "Mi", "Gi", "K", "M", "G")) {
            if (q.endsWith(unit)) {
                return new BigDecimal(q.substring(0, q.length() - unit.length())).multiply(BigDecimal.valueOf(units.get(unit)))
                        .longValue();
            }
        }
        return new BigDecimal(q).longValue();
    }

    static BigDecimal cpus(Object quantity) {
        String q = String.valueOf(quantity);
        return q.endsWith("m") ? new BigDecimal(q.substring(0, q.length() - 1)).movePointLeft(3) : new BigDecimal(q);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // YAML and Dockerfile helpers
    // ---------------------------------------------------------------------------------------------------------------

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static Object loadYaml(Path file) {
        return yaml().load(readString(file));
    }

    static Properties applicationProperties(Service service) {
        return load(ROOT.resolve(service.name()).resolve("src/main/resources/application.properties"));
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compose service's environment, in either of compose's forms (map or KEY=VALUE list). */
    static Map<String, String> environment(Map<String, Object> composeService) {
        Object env = composeService.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> l) {
            for (Object item : l) {
                String[] kv = String.valueOf(item).split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    /** A compose service's bind mounts: host path (relative to the repository root) to container path. */
    static Map<String, String> volumes(Map<String, Object> composeService) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Object item : listOrEmpty(composeService.get("volumes"))) {
            String[] parts = String.valueOf(item).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                result.put(parts[0], parts[1]);
            }
        }
        return result;
    }

    /** Arguments of every occurrence of a Dockerfile instruction, continuation lines joined. */
    static List<String> instruction(List<String> lines, String keyword) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) + " " : line);
            if (!line.endsWith("\\")) {
                joined.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return joined.stream()
                .filter(l -> l.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(l -> l.substring(keyword.length()).strip())
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    static Map<String, Object> map(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            assertThat(current).as("parent of " + key).isInstanceOf(Map.class);
            current = asMap(current).get(key);
            assertThat(current).as(String.join(".", path) + " (at " + key + ")").isNotNull();
        }
        assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
        return asMap(current);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> node, String key) {
        Object value = node.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> listOrEmpty(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static String str(Map<String, Object> node, String... path) {
        Map<String, Object> parent = path.length == 1 ? node : map(node, Arrays.copyOf(path, path.length - 1));
        Object value = parent.get(path[path.length - 1]);
        assertThat(value).as(String.join(".", path)).isNotNull();
        return String.valueOf(value);
    }
}
