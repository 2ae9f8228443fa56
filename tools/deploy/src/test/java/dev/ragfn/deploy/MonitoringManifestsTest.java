package dev.ragfn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** knative/monitoring: a kustomization that builds, alert rules Prometheus accepts, one dashboard in two forms. */
class MonitoringManifestsTest {

    private static final Path DIR = Checkout.REPOSITORY.root().resolve("knative/monitoring");

    @Test
    void should_name_only_existing_manifests_when_the_monitoring_kustomization_is_resolved() {
        Kustomization kustomization = Kustomization.read(DIR);

        assertThat(kustomization.namedPaths()).isNotEmpty().allSatisfy(path -> assertThat(path).isRegularFile());
        assertThat(kustomization.namedPaths().stream().flatMap(path -> Yaml.documents(path).stream())
                .map(manifest -> manifest.path("kind").asText()))
                .containsExactlyInAnyOrder("PodMonitor", "PrometheusRule", "ConfigMap");
    }

    @Test
    void should_pass_promtool_when_the_prometheus_rule_groups_are_checked(@TempDir Path tmp) throws Exception {
        // given: the rule groups as a plain Prometheus rule file
        assumeThat(onPath("promtool")).as("promtool (Debian's prometheus package, infra/prometheus.sh install)").isTrue();
        JsonNode rule = Yaml.documents(DIR.resolve("prometheus-rule.yaml")).getFirst();
        Path rules = tmp.resolve("rules.yaml");
        Yaml.MAPPER.writeValue(rules.toFile(), rule.path("spec"));

        // when
        Process check = new ProcessBuilder("promtool", "check", "rules", rules.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // then
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 5 rules found");
    }

    @Test
    void should_carry_the_json_dashboard_when_the_config_map_is_read() throws Exception {
        JsonNode configMap = Yaml.documents(DIR.resolve("grafana-dashboard.yaml")).getFirst();
        ObjectMapper json = new ObjectMapper();

        JsonNode carried = json.readTree(configMap.path("data").path("ragfn.json").asText());

        assertThat(carried).isEqualTo(json.readTree(DIR.resolve("grafana-dashboard.json").toFile()));
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        List<String> queries = carried.path("panels").findValues("expr").stream().map(JsonNode::asText).toList();
        assertThat(queries).isNotEmpty().allSatisfy(query -> assertThat(query).containsPattern("ragfn_|http_server_requests"));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
