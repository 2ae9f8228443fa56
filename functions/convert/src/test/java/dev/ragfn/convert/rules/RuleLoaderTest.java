package dev.ragfn.convert.rules;

import dev.ragfn.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleLoaderTest {

    private final RuleLoader loader = new RuleLoader(Duration.ofMillis(100));

    @Test
    void should_load_every_category_and_use_every_type_and_mode_when_the_shipped_rules_load() {
        RuleSet rules = loader.loadBundled();
        assertThat(rules.categories()).extracting(Category::id)
                .containsExactly("ai-ml-inference", "rag-vector-db", "mlops", "data-processing", "security", "scaling", "mcp");
        assertThat(rules.rules()).extracting(Rule::type).contains(RuleType.values());
        assertThat(rules.rules()).extracting(Rule::mode).contains(MatchMode.values());
    }

    @Test
    void should_name_the_rule_and_the_allowed_types_when_a_rule_has_an_unknown_type() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r1, category: mcp, type: helm_magic, match_mode: exists, confidence_boost: 5}\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown type 'helm_magic'").hasMessageContaining("rule 'r1'").hasMessageContaining("container_image");
    }

    @Test
    void should_name_the_rule_when_a_rule_has_an_unknown_match_mode() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r2, category: mcp, type: label, match_mode: fuzzy, value: x, confidence_boost: 5}\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown match_mode 'fuzzy'").hasMessageContaining("rule 'r2'");
    }

    @Test
    void should_refuse_the_rule_when_its_value_does_not_fit_the_mode() {
        assertThatThrownBy(() -> parse("rules:\n  - {id: r3, category: mcp, type: port, match_mode: greater_than, value: many, confidence_boost: 5}\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> parse("rules:\n  - {id: r4, category: mcp, type: label, match_mode: any_of, value: x, confidence_boost: 5}\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("rules:\n  - {id: r5, category: mcp, type: label, match_mode: regex, value: '(', confidence_boost: 5}\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Invalid regex in rule 'r5'");
        assertThatThrownBy(() -> parse("rules:\n  - {id: r6, category: mcp, type: label, match_mode: exists, confidence_boost: 500}\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("confidence_boost");
        assertThatThrownBy(() -> parse("rules:\n  - {id: r7, category: mcp, type: label, match_mode: exists, confidence_boost: 5, colour: red}\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown field 'colour'");
    }

    @Test
    void should_add_categories_and_replace_rules_when_a_user_folder_has_rule_files(@TempDir Path dir) throws IOException {
        // given
        Files.writeString(dir.resolve("mine.yaml"), """
                categories:
                  - {id: edge, name: Edge computing, min_confidence: 10}
                category: edge
                rules:
                  - {id: mqtt, type: container_image, match_mode: contains, value: mosquitto, confidence_boost: 30}
                  - {id: vector-db-image, category: rag-vector-db, type: container_image, match_mode: equals, value: only-mine, confidence_boost: 5}
                """);

        // when
        RuleSet rules = loader.load(Optional.of(dir));

        // then
        assertThat(rules.categories()).extracting(Category::id).contains("edge");
        assertThat(rules.rules()).filteredOn(r -> r.id().equals("vector-db-image")).singleElement()
                .satisfies(r -> assertThat(r.values()).containsExactly("only-mine"));
        assertThat(rules.rules()).filteredOn(r -> r.id().equals("mqtt")).singleElement()
                .satisfies(r -> assertThat(r.category()).isEqualTo("edge"));
    }

    @Test
    void should_refuse_a_rule_when_its_category_is_unknown(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - {id: x, category: nope, type: label, match_mode: exists, confidence_boost: 1}\n");
        assertThatThrownBy(() -> loader.load(Optional.of(dir))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown category 'nope'");
    }

    private void parse(String text) {
        loader.parse(text, "user.yaml", new LinkedHashMap<>(), new LinkedHashMap<>());
    }
}
