package uk.nhs.strategycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

/**
 * What a platform team deploys (infra/kubernetes, infra/Dockerfile), rendered by kubectl kustomize
 * for every overlay and checked against the build and the application's own configuration.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path OVERLAYS = ROOT.resolve("infra/kubernetes/overlays");
    private static final Path DOCKERFILE = ROOT.resolve("infra/Dockerfile");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private static final String MIGRATION_MAIN = "uk.nhs.strategycheck.DatabaseMigration";
    // Names of settings that hold secrets. A *_FILE setting names a file mounted from a Secret, a
    // *_KEY_ID one names a public key, and a switch (true or false) such as DSC_PASSWORD_SIGN_IN
    // says whether something is on: none is a secret itself.
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEY).*");
    private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    static Stream<String> overlays() throws IOException {
        try (var directories = Files.list(OVERLAYS)) {
            List<String> names = directories.filter(Files::isDirectory).map(dir -> dir.getFileName().toString())
                    .sorted().toList();
            assertThat(names).contains("local", "production");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskTheActuatorHealthGroupsOnTheManagementPort(String overlay) {
        var app = appContainer(overlay);
        int managementPort = managementPort();
        String health = actuatorBasePath() + "/health";
        assertThat(probePath(app, "livenessProbe")).isEqualTo(health + "/liveness");
        assertThat(probePath(app, "readinessProbe")).isEqualTo(health + "/readiness");
        assertThat(probePath(app, "startupProbe")).startsWith(health + "/");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(containerPort(app, at(app, probe, "httpGet", "port"))).as(probe).isEqualTo(managementPort);
        }
        assertThat(containerPort(app, "http")).isEqualTo(serverPort());
        assertThat(config(overlay).get("DSC_MANAGEMENT_PORT")).isEqualTo(String.valueOf(managementPort));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noContainerRunsAsRootOrWritesOutsideTmp(String overlay) {
        List<Map<String, Object>> pods = podSpecs(overlay);
        assertThat(pods).hasSizeGreaterThanOrEqualTo(2);
        for (var pod : pods) {
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            for (var container : allContainers(pod)) {
                String name = String.valueOf(container.get("name"));
                Map<String, Object> security = map(container.get("securityContext"));
                assertThat(setting(security, podSecurity, "runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
                assertThat(setting(security, podSecurity, "runAsUser")).as(name + " runAsUser")
                        .isInstanceOf(Integer.class).isNotEqualTo(0);
                assertThat(security.get("readOnlyRootFilesystem")).as(name + " readOnlyRootFilesystem").isEqualTo(true);
                assertThat(security.get("allowPrivilegeEscalation")).as(name + " allowPrivilegeEscalation")
                        .isEqualTo(false);
                assertThat(list(at(security, "capabilities", "drop"))).as(name + " drops capabilities").contains("ALL");
                assertThat(setting(security, podSecurity, "seccompProfile")).as(name + " seccompProfile")
                        .isEqualTo(Map.of("type", "RuntimeDefault"));
                assertThat(volumeAt(pod, container, "/tmp")).as(name + " writable /tmp").containsKey("emptyDir");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void secretsAreOnlyEverReferenced(String overlay) {
        var documents = render(overlay);
        assertThat(documents).as("Secrets are created by hand, never committed")
                .noneMatch(document -> "Secret".equals(document.get("kind")));
        for (var configMap : ofKind(documents, "ConfigMap")) {
            map(configMap.get("data")).forEach((name, value) ->
                    assertThat(holdsSecret(name, value)).as("ConfigMap key " + name).isFalse());
        }
        for (var pod : podSpecs(overlay)) {
            for (var container : allContainers(pod)) {
                for (var variable : maps(container.get("env"))) {
                    String name = String.valueOf(variable.get("name"));
                    if (holdsSecret(name, variable.get("value"))) {
                        assertThat(variable).as(name).doesNotContainKey("value");
                        assertThat(at(variable, "valueFrom", "secretKeyRef", "name")).as(name).isNotNull();
                    }
                }
                for (var source : maps(container.get("envFrom"))) {
                    assertThat(source.keySet()).as("envFrom").isSubsetOf("configMapRef", "secretRef", "prefix");
                }
            }
        }
        // A secret file named in the configuration is one mounted from a Secret.
        var app = appContainer(overlay);
        config(overlay).forEach((name, value) -> {
            if (name.endsWith("_FILE")) {
                assertThat(secretVolumeHolding(appPod(overlay), app, value)).as(name + " " + value).isTrue();
            }
        });
        assertThat(envNames(app)).as("only the migration Job has the owner's password")
                .doesNotContain("DSC_DB_OWNER_PASSWORD");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressKeepsEachBrowserOnOnePodAndTakesStrategyDocuments(String overlay) {
        var ingresses = ofKind(render(overlay), "Ingress");
        assertThat(ingresses).hasSize(1);
        Map<String, Object> annotations = map(at(ingresses.get(0), "metadata", "annotations"));
        String prefix = "nginx.ingress.kubernetes.io/";
        assertThat(annotations.get(prefix + "affinity")).isEqualTo("cookie");
        assertThat(annotations.get(prefix + "affinity-mode")).isEqualTo("persistent");
        assertThat((String) annotations.get(prefix + "session-cookie-name")).isNotBlank();
        assertThat(annotations.get(prefix + "session-cookie-samesite")).isEqualTo("Lax");
        assertThat(annotations).containsKeys(prefix + "session-cookie-secure", prefix + "session-cookie-max-age");
        String bodySize = String.valueOf(annotations.get(prefix + "proxy-body-size"));
        assertThat(bodySize).matches("\\d+m");
        assertThat(Integer.parseInt(bodySize.replace("m", ""))).isGreaterThanOrEqualTo(25);
        // Only the web port is published; the management port stays inside the cluster.
        for (var rule : maps(at(ingresses.get(0), "spec", "rules"))) {
            for (var path : maps(at(rule, "http", "paths"))) {
                Map<String, Object> service = map(at(path, "backend", "service"));
                assertThat(servicePort(overlay, (String) service.get("name"), at(service, "port")))
                        .isEqualTo(serverPort());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDatabaseIsReplicatedBackedUpAndHasBothRoles(String overlay) {
        var documents = render(overlay);
        var clusters = ofKind(documents, "Cluster");
        assertThat(clusters).hasSize(1);
        var cluster = clusters.get(0);
        String clusterName = (String) at(cluster, "metadata", "name");
        var config = config(overlay);
        assertThat((Integer) at(cluster, "spec", "instances")).isGreaterThanOrEqualTo(2);
        assertThat(config.get("DSC_DB_HOST")).as("the read-write service").isEqualTo(clusterName + "-rw");
        assertThat(at(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo(config.get("DSC_DB_NAME"));
        assertThat(at(cluster, "spec", "bootstrap", "initdb", "owner")).isEqualTo(config.get("DSC_DB_OWNER"));
        assertThat(at(cluster, "spec", "bootstrap", "initdb", "secret", "name")).isNotNull();
        Map<String, Map<String, Object>> roles = maps(at(cluster, "spec", "managed", "roles")).stream()
                .collect(Collectors.toMap(role -> (String) role.get("name"), role -> role));
        var appRole = roles.get(config.get("DSC_DB_APP_USER"));
        assertThat(appRole).as("application role").isNotNull();
        assertThat(appRole).containsEntry("login", true).containsEntry("bypassrls", false)
                .containsEntry("superuser", false);
        assertThat(at(appRole, "passwordSecret", "name")).isNotNull();
        assertThat(roles.get(config.get("DSC_DB_OWNER"))).as("owner role").containsEntry("superuser", false);

        assertThat((String) at(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")).startsWith("s3://");
        assertThat(at(cluster, "spec", "backup", "barmanObjectStore", "s3Credentials", "accessKeyId", "name")).isNotNull();
        assertThat(at(cluster, "spec", "backup", "barmanObjectStore", "s3Credentials", "secretAccessKey", "name"))
                .isNotNull();
        assertThat((String) at(cluster, "spec", "backup", "retentionPolicy")).isNotBlank();
        assertThat(ofKind(documents, "ScheduledBackup"))
                .anyMatch(backup -> clusterName.equals(at(backup, "spec", "cluster", "name")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void atLeastTwoReplicasUnderADisruptionBudgetAndANetworkPolicy(String overlay) {
        var documents = render(overlay);
        var deployment = appDeployment(overlay);
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(ofKind(documents, "PodDisruptionBudget")).as("a budget for the application's pods")
                .anyMatch(budget -> selects(at(budget, "spec", "selector", "matchLabels"), podLabels));
        assertThat(ofKind(documents, "NetworkPolicy")).as("a network policy for the application's pods")
                .anyMatch(policy -> selects(at(policy, "spec", "podSelector", "matchLabels"), podLabels)
                        && list(at(policy, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress")));
        // Graceful shutdown (30 s per phase) fits in the grace period, after the preStop pause.
        assertThat((Integer) at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds"))
                .isGreaterThanOrEqualTo(45);
        assertThat(at(appContainer(overlay), "lifecycle", "preStop")).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theMigrationJobRunsDatabaseMigrationAndTheReplicasDoNotMigrate(String overlay) throws Exception {
        var jobs = ofKind(render(overlay), "Job");
        assertThat(jobs).hasSize(1);
        var job = jobs.get(0);
        List<Map<String, Object>> containers = maps(at(job, "spec", "template", "spec", "containers"));
        assertThat(containers).hasSize(1);
        var migrate = containers.get(0);
        List<Object> command = list(migrate.get("command"));
        assertThat(command).containsExactly("java", "-cp", jarInImage(), MIGRATION_MAIN);
        assertThat(Class.forName(MIGRATION_MAIN).getMethod("main", String[].class)).isNotNull();
        assertThat(migrate.get("image")).isEqualTo(appContainer(overlay).get("image"));
        assertThat(envNames(migrate)).contains("DSC_DB_OWNER_PASSWORD");

        assertThat(maps(appContainer(overlay).get("env"))).as("replicas leave migrations to the Job")
                .anyMatch(variable -> "DSC_MIGRATE_ON_START".equals(variable.get("name"))
                        && "false".equals(variable.get("value")));
        assertThat(at(applicationYml(), "spring", "liquibase", "enabled")).as("application.yml reads the switch")
                .isEqualTo("${DSC_MIGRATE_ON_START:true}");
    }

    @Test
    void theDockerfileCopiesTheJarTheBuildMakes() throws Exception {
        var rootPom = pom(ROOT.resolve("pom.xml"));
        var appPom = pom(ROOT.resolve("app/pom.xml"));
        String version = child(rootPom, "version");
        assertThat(child(appPom, "version")).as("the app module inherits its version").isNull();
        assertThat(appPom.getElementsByTagName("finalName").getLength()).as("no finalName renames the jar").isZero();
        assertThat(appPom.getElementsByTagName("classifier").getLength()).as("no classifier renames the jar").isZero();
        String jar = child(appPom, "artifactId") + "-" + version + ".jar";

        Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(dockerfile());
        assertThat(copy.find()).as("a COPY of the jar").isTrue();
        var source = FileSystems.getDefault().getPathMatcher("glob:" + copy.group(1));
        assertThat(source.matches(Path.of("app/target", jar))).as(copy.group(1) + " matches " + jar).isTrue();
        assertThat(source.matches(Path.of("app/target", jar + ".original"))).isFalse();
        assertThat(source.matches(Path.of("app/target/classes", jar))).isFalse();
        // Unpacked with a class data sharing archive beside it, in the directory the service starts from.
        var unpacked = Path.of(jarInImage()).getParent();
        assertThat(dockerfile()).containsPattern("(?m)^RUN .*cds\\.sh " + Pattern.quote(copy.group(2)) + " "
                        + Pattern.quote(unpacked.toString()) + "$")
                .containsPattern("(?m)^COPY --from=\\S+ " + Pattern.quote(unpacked + " " + unpacked) + "$")
                .contains("\"-XX:SharedArchiveFile=" + unpacked.resolve("app.jsa") + "\"");
    }

    @Test
    void theDockerfileRunsAsTheNumericUserTheManifestsExpect() throws IOException {
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$").matcher(dockerfile());
        assertThat(user.find()).as("a numeric USER").isTrue();
        int uid = Integer.parseInt(user.group(1));
        assertThat(uid).isPositive();
        for (String overlay : overlays().toList()) {
            assertThat(at(appPod(overlay), "securityContext", "runAsUser")).isEqualTo(uid);
        }
    }

    @Test
    void theDockerfileExposesTheServiceAndManagementPortsWithTheProdProfile() {
        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(.+)$").matcher(dockerfile());
        assertThat(expose.find()).isTrue();
        Set<Integer> ports = Stream.of(expose.group(1).trim().split("\\s+")).map(Integer::valueOf)
                .collect(Collectors.toSet());
        assertThat(ports).containsExactlyInAnyOrder(serverPort(), managementPort());
        assertThat(dockerfile()).containsPattern("(?m)^ENV\\s+SPRING_PROFILES_ACTIVE=prod\\b");
        // C1 alone, as every launcher starts it (README, "JIT compiler C1 only").
        assertThat(dockerfile()).containsPattern("(?m)^\\s+JDK_JAVA_OPTIONS=-XX:TieredStopAtLevel=1\\s");
        assertThat(dockerfile()).containsPattern("(?m)^FROM eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-jre\\S*$");
    }

    // --- rendering ----------------------------------------------------------------------------

    private static List<Map<String, Object>> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, DeploymentManifestsTest::kustomize);
    }

    private static List<Map<String, Object>> kustomize(String overlay) {
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", OVERLAYS.resolve(overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            return fail("The deployment manifest tests need kubectl (kubectl kustomize renders infra/kubernetes): "
                    + "install kubectl (" + e.getMessage() + ")");
        }
        try {
            var errors = kubectl.getErrorStream();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = kubectl.waitFor();
            assertThat(exit).as("kubectl kustomize " + overlay + ": " + new String(errors.readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(yaml)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        } catch (IOException e) {
            return fail("kubectl kustomize " + overlay + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        }
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
    }

    private static Map<String, Object> appDeployment(String overlay) {
        var deployments = ofKind(render(overlay), "Deployment");
        assertThat(deployments).hasSize(1);
        return deployments.get(0);
    }

    private static Map<String, Object> appPod(String overlay) {
        return map(at(appDeployment(overlay), "spec", "template", "spec"));
    }

    private static Map<String, Object> appContainer(String overlay) {
        List<Map<String, Object>> containers = maps(appPod(overlay).get("containers"));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** Every pod template: Deployments, StatefulSets, DaemonSets, Jobs and CronJobs. */
    private static List<Map<String, Object>> podSpecs(String overlay) {
        List<Map<String, Object>> pods = new ArrayList<>();
        for (var document : render(overlay)) {
            Object pod = "CronJob".equals(document.get("kind"))
                    ? at(document, "spec", "jobTemplate", "spec", "template", "spec")
                    : at(document, "spec", "template", "spec");
            if (pod != null && at(map(pod), "containers") != null) {
                pods.add(map(pod));
            }
        }
        return pods;
    }

    private static List<Map<String, Object>> allContainers(Map<String, Object> pod) {
        List<Map<String, Object>> containers = new ArrayList<>(maps(pod.get("initContainers")));
        containers.addAll(maps(pod.get("containers")));
        return containers;
    }

    /** The overlay's settings ConfigMap (the one the application reads with envFrom). */
    private static Map<String, Object> config(String overlay) {
        var app = appContainer(overlay);
        List<String> names = maps(app.get("envFrom")).stream().map(source -> (String) at(source, "configMapRef", "name"))
                .filter(name -> name != null).toList();
        assertThat(names).hasSize(1);
        return ofKind(render(overlay), "ConfigMap").stream()
                .filter(configMap -> names.get(0).equals(at(configMap, "metadata", "name")))
                .map(configMap -> map(configMap.get("data"))).findFirst()
                .orElseGet(() -> fail("no ConfigMap " + names.get(0)));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) at(container, probe, "httpGet", "path");
    }

    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Integer number) {
            return number;
        }
        return maps(container.get("ports")).stream().filter(candidate -> port.equals(candidate.get("name")))
                .map(candidate -> (Integer) candidate.get("containerPort")).findFirst()
                .orElseGet(() -> fail("no container port named " + port));
    }

    /** The container port the Service sends a port (by name or number) to. */
    private static int servicePort(String overlay, String serviceName, Object port) {
        var service = ofKind(render(overlay), "Service").stream()
                .filter(candidate -> serviceName.equals(at(candidate, "metadata", "name"))).findFirst()
                .orElseGet(() -> fail("no Service " + serviceName));
        Object name = port instanceof Map<?, ?> byName ? byName.get("name") : null;
        Object number = port instanceof Map<?, ?> byNumber ? byNumber.get("number") : null;
        var servicePort = maps(at(service, "spec", "ports")).stream()
                .filter(candidate -> Objects.equals(candidate.get("name"), name) || Objects.equals(candidate.get("port"), number))
                .findFirst().orElseGet(() -> fail("Service " + serviceName + " has no port " + port));
        return containerPort(appContainer(overlay), servicePort.getOrDefault("targetPort", servicePort.get("port")));
    }

    private static Map<String, Object> volumeAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        String volume = maps(container.get("volumeMounts")).stream().filter(mount -> path.equals(mount.get("mountPath")))
                .map(mount -> (String) mount.get("name")).findFirst().orElse(null);
        return maps(pod.get("volumes")).stream().filter(candidate -> candidate.get("name").equals(volume)).findFirst()
                .orElse(Map.of());
    }

    private static boolean secretVolumeHolding(Map<String, Object> pod, Map<String, Object> container, Object file) {
        return maps(container.get("volumeMounts")).stream()
                .filter(mount -> String.valueOf(file).startsWith(mount.get("mountPath") + "/"))
                .anyMatch(mount -> maps(pod.get("volumes")).stream()
                        .anyMatch(volume -> volume.get("name").equals(mount.get("name")) && volume.containsKey("secret")));
    }

    private static List<String> envNames(Map<String, Object> container) {
        return maps(container.get("env")).stream().map(variable -> (String) variable.get("name")).toList();
    }

    private static Object setting(Map<String, Object> container, Map<String, Object> pod, String name) {
        return container.containsKey(name) ? container.get(name) : pod.get(name);
    }

    private static boolean selects(Object selector, Map<String, Object> labels) {
        Map<String, Object> matchLabels = map(selector);
        return !matchLabels.isEmpty() && labels.entrySet().containsAll(matchLabels.entrySet());
    }

    private static boolean holdsSecret(String name, Object value) {
        return SECRET_NAME.matcher(name).matches() && !name.endsWith("_FILE") && !name.endsWith("_KEY_ID")
                && !"true".equals(value) && !"false".equals(value);
    }

    // --- the build and the application's configuration -----------------------------------------

    private static String dockerfile() {
        try {
            return Files.readString(DOCKERFILE);
        } catch (IOException e) {
            return fail("no " + DOCKERFILE, e);
        }
    }

    /** The jar the service starts from (the Job's class path names the same file). */
    private static String jarInImage() {
        Matcher jar = Pattern.compile("\"-jar\", \"(\\S+)\"").matcher(dockerfile());
        assertThat(jar.find()).as("the ENTRYPOINT's -jar").isTrue();
        return jar.group(1);
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** The text of a direct child element of the project, or null. */
    private static String child(Element project, String name) {
        for (var node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static Map<String, Object> applicationYml() {
        try {
            return map(new Yaml().load(Files.readString(ROOT.resolve("app/src/main/resources/application.yml"))));
        } catch (IOException e) {
            return fail("application.yml unreadable", e);
        }
    }

    private static int serverPort() {
        return Integer.parseInt(defaultOf(at(applicationYml(), "server", "port"), "8080"));
    }

    /** management.server.port as application.yml sets it; 8081 until it does. */
    private static int managementPort() {
        return Integer.parseInt(defaultOf(at(applicationYml(), "management", "server", "port"), "8081"));
    }

    private static String actuatorBasePath() {
        return defaultOf(at(applicationYml(), "management", "endpoints", "web", "base-path"), "/actuator");
    }

    /** A setting's value, or the default of its ${VARIABLE:default} placeholder. */
    private static String defaultOf(Object value, String otherwise) {
        if (value == null) {
            return otherwise;
        }
        Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(value.toString());
        return placeholder.matches() ? placeholder.group(1) : value.toString();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/kubernetes"))) {
                return dir;
            }
        }
        throw new IllegalStateException("infra/kubernetes not found above " + Path.of("").toAbsolutePath());
    }

    // --- YAML as maps and lists ----------------------------------------------------------------

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(DeploymentManifestsTest::map).toList();
    }
}
