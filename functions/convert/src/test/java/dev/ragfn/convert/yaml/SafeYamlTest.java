package dev.ragfn.convert.yaml;

import dev.ragfn.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeYamlTest {

    private static final String BILLION_LAUGHS = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """;

    @Test
    void should_refuse_the_file_when_it_is_a_yaml_alias_bomb() {
        assertThatThrownBy(() -> SafeYaml.loadAll(BILLION_LAUGHS, "chart/values.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("chart/values.yaml").hasMessageContaining("aliases");
    }

    @Test
    void should_refuse_the_file_when_flow_collections_nest_absurdly_deep() {
        String deep = "x: " + "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> SafeYaml.loadAll(deep, "deep.yaml"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nested deeper");
    }

    @Test
    void should_parse_the_file_when_flow_collections_nest_just_under_the_bound() {
        String deep = "x: " + "[".repeat(99) + "]".repeat(99);
        assertThat(SafeYaml.load(deep, "deep.yaml")).isInstanceOf(Map.class);
    }

    @Test
    void should_report_a_syntax_error_when_the_yaml_is_just_broken() {
        assertThatThrownBy(() -> SafeYaml.loadAll("a: [1, 2\nb: }", "broken.yaml"))
                .isInstanceOf(SafeYaml.YamlSyntaxException.class).hasMessageContaining("broken.yaml");
    }

    @Test
    void should_read_every_document_when_the_file_has_several() {
        List<Object> docs = SafeYaml.loadAll("kind: A\n---\nkind: B\n---\n", "multi.yaml");
        assertThat(docs.stream().map(d -> String.valueOf(((Map<?, ?>) d).get("kind"))).toList()).containsExactly("A", "B");
    }

    @Test
    void should_write_nulls_as_empty_values_when_dumping() {
        Map<String, Object> ns = new java.util.LinkedHashMap<>();
        ns.put("vault", null);
        assertThat(YamlWriter.write("head", Map.of("namespaces", ns))).isEqualTo("# head\nnamespaces:\n  vault:\n");
    }
}
