package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.Detection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConversionTest {

    private static final FrameworkSchemaCheck SCHEMA = new FrameworkSchemaCheck();

    /*
     * The five kinds of repository, as fixtures under src/test/resources/repos:
     * umbrella Helm chart with dependencies and a vector database: rag-umbrella (qdrant + a nested chart);
     * Kustomize app with overlays: kustomize-sites; multi-language microservices with operator Subscriptions:
     * microservices (Java, Go, Python, TypeScript; three Subscriptions and a CSV); plain Java Quarkus app with
     * one chart: quarkus-app; empty or non-Kubernetes repository: no-kubernetes (only the "Nothing to convert"
     * report, so no values files to check, see the last test). kserve-inference and edge-sites add plain
     * manifests and site folders. Every values-<group>.yaml is checked merged with values-global.yaml and with
     * the schema's defaults filled, as check-jsonschema --fill-defaults does in the framework's CI.
     */
    @ParameterizedTest
    @ValueSource(strings = {"rag-umbrella", "kserve-inference", "kustomize-sites", "microservices", "quarkus-app", "edge-sites"})
    void should_pass_the_framework_schema_check_when_a_repository_is_converted(String repo, @TempDir Path out) {
        // given
        GeneratedPattern pattern = Fixtures.convert(repo);

        // when
        PatternFiles.writeTo(pattern, out);
        Map<String, List<String>> errors = SCHEMA.errors(out);

        // then
        assertThat(errors).containsKey("values-hub.yaml");
        errors.forEach((file, problems) -> assertThat(problems).as(repo + " " + file).isEmpty());
        assertThat(pattern.files()).containsKeys("pattern-metadata.yaml", "values-global.yaml", "values-hub.yaml", "Makefile",
                "Makefile-common", "pattern.sh", "overrides/values-AWS.yaml", "conversion-report.md", "conversion-report.json");
    }

    @Test
    void should_accept_the_reference_pattern_and_refuse_an_unknown_clustergroup_key_when_the_schema_check_runs(@TempDir Path dir)
            throws Exception {
        // given
        Path reference = FrameworkSchemaCheck.sharedSchemas().resolve("reference-multicloud-gitops");
        Fixtures.copy(reference, dir.resolve("ok"));
        Files.createDirectories(dir.resolve("bad"));
        Files.copy(reference.resolve("values-global.yaml"), dir.resolve("bad/values-global.yaml"));
        Files.writeString(dir.resolve("bad/values-hub.yaml"), "clusterGroup:\n  name: hub\n  namespaces: []\n  applications: {}\n  bogus: 1\n");

        // when
        Map<String, List<String>> ok = SCHEMA.errors(dir.resolve("ok"));
        var filled = SCHEMA.filled(FrameworkSchemaCheck.load(reference.resolve("values-global.yaml")),
                FrameworkSchemaCheck.load(reference.resolve("values-hub.yaml")));

        // then
        assertThat(ok).containsKeys("values-hub.yaml", "values-group-one.yaml", "values-standalone.yaml");
        ok.forEach((file, problems) -> assertThat(problems).as(file).isEmpty());
        assertThat(SCHEMA.errors(dir.resolve("bad")).get("values-hub.yaml")).isNotEmpty();
        assertThat(filled.at("/global/deletePattern").asText()).isEqualTo("none");
        assertThat(filled.at("/clusterGroup/imperative/namespace").asText()).isEqualTo("imperative");
        assertThat(filled.at("/clusterGroup/imperative/jobs/0/image").asText()).isEqualTo("quay.io/validatedpatterns/imperative-container:v1");
        assertThat(filled.has("secretStore")).as("only properties with a literal default are filled").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rag-umbrella", "kustomize-sites", "microservices"})
    void should_carry_every_metadata_field_of_the_reference_when_metadata_is_written(String repo) {
        // given
        Object reference = FrameworkSchemaCheck.load(FrameworkSchemaCheck.sharedSchemas()
                .resolve("reference-multicloud-gitops/pattern-metadata.yaml"));

        // when
        Object generated = yaml(Fixtures.convert(repo), "pattern-metadata.yaml");

        // then
        List<String> expected = FrameworkSchemaCheck.keysOf(reference, "").stream()
                .filter(k -> !k.startsWith("variants")).toList();
        assertThat(FrameworkSchemaCheck.keysOf(generated, "")).containsAll(expected);
        assertThat(m(generated).get("name").toString()).matches("^[a-z][a-z0-9-]*$");
    }

    @Test
    void should_give_identical_bytes_when_the_same_source_is_converted_twice() {
        // when
        GeneratedPattern first = Fixtures.convert("rag-umbrella");
        GeneratedPattern second = Fixtures.convert("rag-umbrella");

        // then
        assertThat(second.files().keySet()).containsExactlyElementsOf(first.files().keySet());
        first.files().forEach((path, bytes) -> assertThat(Arrays.equals(bytes, second.files().get(path))).as(path).isTrue());
        assertThat(PatternFiles.zip(first)).isEqualTo(PatternFiles.zip(second));
    }

    @Test
    void should_detect_rag_and_deploy_the_umbrella_chart_when_the_chart_uses_a_vector_database() {
        // when
        GeneratedPattern pattern = Fixtures.convert("rag-umbrella");

        // then
        assertThat(detection(pattern, "rag-vector-db").detected()).isTrue();
        assertThat(detection(pattern, "rag-vector-db").evidence()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo("vector-db-chart");
            assertThat(e.file()).isEqualTo("chart/Chart.yaml");
            assertThat(e.line()).isEqualTo(7);
        });
        Map<String, Object> apps = applications(pattern, "hub");
        assertThat(apps.keySet()).contains("rag-assistant", "vault", "openshift-external-secrets");
        assertThat(m(apps.get("rag-assistant")).get("path")).isEqualTo("charts/all/rag-assistant");
        assertThat(m(apps.get("rag-assistant")).get("namespace")).isEqualTo("rag-assistant");
        assertThat(pattern.files()).containsKeys("charts/all/rag-assistant/Chart.yaml",
                "charts/all/rag-assistant/charts/frontend/templates/deployment.yaml", "values-secret.yaml.template");
        assertThat(text(pattern, "values-secret.yaml.template")).contains("name: llm-credentials", "name: api-key", "onMissingValue: prompt");
        assertThat(text(pattern, "conversion-report.json")).contains("\"docker.io/qdrant/qdrant:v1.12.4\"",
                "\"quay.io/example/rag-frontend:1.4.0\"", "qdrant.github.io");
        assertThat(pattern.report().decisions()).anyMatch(n -> n.startsWith("Remote chart") && n.contains("'qdrant'"));
    }

    @Test
    void should_detect_inference_and_wrap_plain_manifests_when_the_source_declares_an_inference_service() {
        // when
        GeneratedPattern pattern = Fixtures.convert("kserve-inference");

        // then
        assertThat(detection(pattern, "ai-ml-inference").detected()).isTrue();
        assertThat(detection(pattern, "ai-ml-inference").confidence()).isEqualTo(100);
        assertThat(detection(pattern, "scaling").detected()).isTrue();
        assertThat(pattern.files()).containsKeys("charts/all/deploy/Chart.yaml", "charts/all/deploy/templates/inference.yaml");
        assertThat(m(applications(pattern, "hub").get("deploy")).get("namespace")).isEqualTo("models");
        assertThat(pattern.files()).doesNotContainKey("values-secret.yaml.template");
    }

    @Test
    void should_make_a_cluster_group_per_site_when_kustomize_has_site_overlays() {
        // when
        GeneratedPattern pattern = Fixtures.convert("kustomize-sites");

        // then
        assertThat(pattern.report().clusterGroups()).containsExactly("hub", "site-east", "site-west");
        Map<String, Object> east = m(applications(pattern, "site-east").get("app"));
        assertThat(east.get("path")).isEqualTo("charts/all/app/overlays/site-east");
        assertThat(east.get("kustomize")).isEqualTo(true);
        assertThat(east.get("namespace")).isEqualTo("shop");
        Map<String, Object> hub = m(m(yaml(pattern, "values-hub.yaml")).get("clusterGroup"));
        assertThat(m(hub.get("managedClusterGroups"))).containsOnlyKeys("site-east", "site-west");
        assertThat(pattern.files()).containsKeys("charts/all/app/base/deployment.yaml", "charts/all/app/overlays/site-west/kustomization.yaml");
        assertThat(text(pattern, "pattern-metadata.yaml")).contains("spoke_support: true");
        assertThat(text(pattern, "values-site-east.yaml")).doesNotContain("serverless-operator");
        assertThat(pattern.report().decisions()).anyMatch(n -> n.contains("'serverless-operator'") && n.contains("not added"));
        assertThat(pattern.report().products()).anySatisfy(p -> assertThat(p.product()).isEqualTo("Red Hat OpenShift Serverless"));
    }

    @Test
    void should_make_a_cluster_group_per_site_folder_when_plain_manifests_sit_under_sites() {
        // when
        GeneratedPattern pattern = Fixtures.convert("edge-sites");

        // then
        assertThat(pattern.report().clusterGroups()).containsExactly("hub", "datacenter", "factory");
        assertThat(applications(pattern, "hub")).containsKeys("common", "acm");
        assertThat(m(applications(pattern, "factory").get("edge-sites")).get("path")).isEqualTo("charts/factory/edge-sites");
        assertThat(m(applications(pattern, "datacenter").get("edge-sites")).get("namespace")).isEqualTo("manufacturing");
        assertThat(text(pattern, "charts/factory/edge-sites/templates/line-monitor.yaml")).contains("3.1-factory");
    }

    @Test
    void should_map_subscriptions_to_products_and_languages_when_the_repo_has_several_services() {
        // when
        GeneratedPattern pattern = Fixtures.convert("microservices");

        // then
        assertThat(pattern.report().products()).anySatisfy(p -> {
            assertThat(p.packageName()).isEqualTo("amq-streams");
            assertThat(p.product()).isEqualTo("Streams for Apache Kafka");
            assertThat(p.version()).isEqualTo("2.7.0-2");
        }).anySatisfy(p -> {
            assertThat(p.packageName()).isEqualTo("rhods-operator");
            assertThat(p.version()).isEqualTo("2.16.0");
        });
        assertThat(pattern.report().needsHuman()).anyMatch(n -> n.contains("'acme-operator'"));
        Map<String, Object> hub = m(m(yaml(pattern, "values-hub.yaml")).get("clusterGroup"));
        Map<String, Object> subs = m(hub.get("subscriptions"));
        assertThat(subs).containsKeys("amq-streams", "rhods-operator", "acme-operator");
        assertThat(m(subs.get("amq-streams"))).doesNotContainKey("namespace").containsEntry("csv", "amqstreams.v2.7.0-2");
        assertThat(m(hub.get("namespaces"))).containsKey("redhat-ods-operator");
        assertThat(text(pattern, "conversion-report.json")).contains("\"Go\"", "\"Java\"", "\"Python\"", "\"TypeScript\"",
                "io.quarkiverse.langchain4j:quarkus-langchain4j-openai", "github.com/segmentio/kafka-go", "mlflow");
        assertThat(detection(pattern, "data-processing").detected()).isTrue();
        assertThat(detection(pattern, "mcp").detected()).isTrue();
        assertThat(pattern.files()).containsKey("charts/all/apps/templates/orders.yaml")
                .doesNotContainKey("charts/all/operators/templates/subscriptions.yaml");
    }

    @Test
    void should_deploy_the_one_chart_when_the_source_is_a_quarkus_app() {
        // when
        GeneratedPattern pattern = Fixtures.convert("quarkus-app");

        // then
        assertThat(applications(pattern, "hub")).containsOnlyKeys("greeting");
        assertThat(text(pattern, "conversion-report.json")).contains("quay.io/acme/greeting:1.0.0",
                "registry.access.redhat.com/ubi9/openjdk-21:1.21", "io.quarkus:quarkus-rest");
        assertThat(text(pattern, "values-global.yaml")).contains("pattern: quarkus-app", "clusterGroupChartVersion: 0.9.*");
    }

    @Test
    void should_write_only_a_nothing_to_convert_report_when_the_repo_has_no_kubernetes_content() {
        // when
        GeneratedPattern pattern = Fixtures.convert("no-kubernetes");

        // then
        assertThat(pattern.nothingToConvert()).isTrue();
        assertThat(pattern.files()).as("no values files, so nothing for the schema check")
                .containsOnlyKeys("conversion-report.md", "conversion-report.json");
        assertThat(text(pattern, "conversion-report.md")).contains("**Nothing to convert.**");
        assertThat(text(pattern, "conversion-report.json")).contains("\"nothing_to_convert\" : true");
    }

    static Detection detection(GeneratedPattern pattern, String category) {
        return pattern.report().detections().stream().filter(d -> d.category().id().equals(category)).findFirst().orElseThrow();
    }

    static Map<String, Object> applications(GeneratedPattern pattern, String group) {
        Map<String, Object> doc = m(yaml(pattern, "values-" + group + ".yaml"));
        return m(m(doc.get("clusterGroup")).get("applications"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> m(Object o) {
        return (Map<String, Object>) o;
    }

    static Object yaml(GeneratedPattern pattern, String file) {
        return dev.ragfn.convert.yaml.SafeYaml.load(text(pattern, file), file);
    }

    static String text(GeneratedPattern pattern, String file) {
        assertThat(pattern.files()).containsKey(file);
        return new String(pattern.files().get(file), StandardCharsets.UTF_8);
    }
}
