package dev.ragfn.convert.rules;

import dev.ragfn.convert.rules.RulesEngine.TextFile;
import dev.ragfn.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesEngineTest {

    private static final List<Fact> FACTS = List.of(
            new Fact(RuleType.CHART_DEPENDENCY, "https://charts.example", "milvus", "Chart.yaml", 5),
            new Fact(RuleType.KUBERNETES_KIND, null, "InferenceService", "isvc.yaml", 2),
            new Fact(RuleType.API_VERSION, null, "serving.kserve.io/v1beta1", "isvc.yaml", 1),
            new Fact(RuleType.CONTAINER_IMAGE, null, "quay.io/modh/vllm:2.16", "rt.yaml", 9),
            new Fact(RuleType.ANNOTATION, "serving.kserve.io/deploymentMode", "RawDeployment", "isvc.yaml", 5),
            new Fact(RuleType.LABEL, "app", "Shop", "d.yaml", 4),
            new Fact(RuleType.ENV_VAR, "WORKERS", "4", "d.yaml", 12),
            new Fact(RuleType.PORT, null, "8443", "d.yaml", 14),
            new Fact(RuleType.FILE_PRESENT, null, "mcp/server.py", "mcp/server.py", 0),
            new Fact(RuleType.BUILD_DEPENDENCY, "pypi", "qdrant-client", "requirements.txt", 3));
    private static final List<TextFile> TEXTS = List.of(new TextFile("docs/README.md", List.of("intro", "Uses a Vector Store.")));

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "chart_dependency|equals|milvus|true",
            "chart_dependency|equals|qdrant|false",
            "kubernetes_kind|any_of|[ServingRuntime, InferenceService]|true",
            "api_version|contains|KSERVE|true",
            "container_image|regex|vllm:\\d+|true",
            "annotation|exists||true",
            "label|equals|shop|true",
            "env_var|greater_than|2|true",
            "env_var|less_than|2|false",
            "port|less_than|1024|false",
            "port|greater_than|8000|true",
            "file_present|regex|^mcp/|true",
            "build_dependency|contains|qdrant|true",
            "content|contains|vector store|true",
            "content|regex|^nothing$|false"})
    void should_match_as_declared_when_a_rule_of_each_type_and_mode_runs(String type, String mode, String value, boolean matches) {
        // given
        String valueYaml = value == null ? "" : ", value: " + (value.startsWith("[") || value.matches("\\d+") ? value : "'" + value + "'");
        RuleSet rules = rules("rules:\n  - {id: r, category: c, type: " + type + ", match_mode: " + mode + valueYaml
                + ", confidence_boost: 40, evidence: 'saw {value} in {file}:{line}'}\n");

        // when
        Detection d = new RulesEngine(rules).evaluate(FACTS, TEXTS).get(0);

        // then
        assertThat(d.detected()).isEqualTo(matches);
        if (matches) {
            assertThat(d.evidence()).first().satisfies(e -> {
                assertThat(e.rule()).isEqualTo("r");
                assertThat(e.message()).startsWith("saw ").contains(e.file() + ":" + e.line());
            });
        }
    }

    @Test
    void should_honour_case_sensitivity_and_key_filters_when_matching() {
        RuleSet rules = rules("""
                rules:
                  - {id: sensitive, category: c, type: label, key: app, match_mode: equals, value: shop, case_sensitive: true, confidence_boost: 40}
                  - {id: other-key, category: c, type: env_var, key: THREADS, match_mode: exists, confidence_boost: 40}
                """);
        assertThat(new RulesEngine(rules).evaluate(FACTS, TEXTS).get(0).confidence()).isZero();
    }

    @Test
    void should_cap_the_confidence_and_count_each_rule_once_when_many_rules_match() {
        RuleSet rules = rules("""
                rules:
                  - {id: a, category: c, type: kubernetes_kind, match_mode: exists, confidence_boost: 70}
                  - {id: b, category: c, type: file_present, match_mode: exists, confidence_boost: 70}
                """);
        Detection d = new RulesEngine(rules).evaluate(FACTS, TEXTS).get(0);
        assertThat(d.confidence()).isEqualTo(100);
        assertThat(d.evidence()).extracting(Evidence::rule).containsExactly("a", "b");
    }

    @Test
    void should_stop_with_a_clear_error_when_a_user_regex_backtracks_catastrophically() {
        // given: JDK 25 memoises (a+)+$, but nested unbounded repeats like this still explode
        RuleSet rules = rules("rules:\n  - {id: evil, category: c, type: content, match_mode: regex, value: '(.*a){20}$', confidence_boost: 10}\n");
        List<TextFile> texts = List.of(new TextFile("input.txt", List.of("a".repeat(40) + "!")));

        // when / then
        long start = System.nanoTime();
        assertThatThrownBy(() -> new RulesEngine(rules).evaluate(List.of(), texts))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Rule 'evil'").hasMessageContaining("ran longer than 100 ms").hasMessageContaining("input.txt:1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private static RuleSet rules(String text) {
        Map<String, Category> categories = new LinkedHashMap<>();
        categories.put("c", new Category("c", "Test", 40));
        Map<String, Rule> rules = new LinkedHashMap<>();
        new RuleLoader(Duration.ofMillis(100)).parse(text, "test.yaml", categories, rules);
        return new RuleSet(List.copyOf(categories.values()), List.copyOf(rules.values()));
    }
}
