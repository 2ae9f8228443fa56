package dev.ragfn.shield.policy;

import dev.ragfn.shield.Decision;
import dev.ragfn.shield.detect.pii.PiiDetectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParserTest {

    @Test
    void should_read_every_setting_when_policy_is_yaml() {
        // given
        String yaml = """
                input:
                  detectors: [email, prompt-injection, blocked-words]
                  actions: {pii: block, email: allow}
                output:
                  detectors: [system-prompt-leak]
                blockedWords: [darn]
                blockedTopics: {gambling: [casino]}
                maxLength: 500
                systemPromptLeakThreshold: 0.5
                """;

        // when
        ShieldPolicy policy = PolicyParser.parse("acme", yaml);

        // then
        assertThat(policy.input().detectors()).containsExactly("email", "prompt-injection", "blocked-words");
        assertThat(policy.input().decisionFor(PiiDetectors.email())).isEqualTo(Decision.ALLOW);
        assertThat(policy.input().decisionFor(PiiDetectors.phone())).isEqualTo(Decision.BLOCK);
        assertThat(policy.output().detectors()).containsExactly("system-prompt-leak");
        assertThat(policy.blockedWords()).containsExactly("darn");
        assertThat(policy.blockedTopics()).containsEntry("gambling", List.of("casino"));
        assertThat(policy.maxLength()).isEqualTo(500);
        assertThat(policy.systemPromptLeakThreshold()).isEqualTo(0.5);
    }

    @Test
    void should_read_the_same_policy_when_written_as_json() {
        ShieldPolicy policy = PolicyParser.parse("acme", "{\"input\": {\"detectors\": [\"iban\"], \"actions\": {\"pii\": \"BLOCK\"}}}");

        assertThat(policy.input().decisionFor(PiiDetectors.iban())).isEqualTo(Decision.BLOCK);
        assertThat(policy.output().detectors()).isEmpty();
        assertThat(policy.maxLength()).isEqualTo(PolicyParser.DEFAULT_MAX_LENGTH);
    }

    @Test
    void should_use_category_default_when_policy_names_no_action() {
        ShieldPolicy policy = PolicyParser.parse("acme", "input: {detectors: [email]}");

        assertThat(policy.input().decisionFor(PiiDetectors.email())).isEqualTo(Decision.REDACT);
    }

    @Test
    void should_name_policy_field_and_known_detectors_when_detector_is_unknown() {
        assertThatThrownBy(() -> PolicyParser.parse("acme/kb-1", "input: {detectors: [email, emial]}"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("'acme/kb-1'")
                .hasMessageContaining("input.detectors")
                .hasMessageContaining("unknown detector 'emial'")
                .hasMessageContaining("known detectors: email, phone");
    }

    @Test
    void should_list_allowed_actions_when_action_is_unknown() {
        assertThatThrownBy(() -> PolicyParser.parse("acme", "output: {detectors: [jwt], actions: {secret: redcat}}"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("output.actions.secret")
                .hasMessageContaining("unknown action 'redcat'; allowed actions: allow, redact, block");
    }

    @Test
    void should_reject_policy_when_action_targets_unknown_category() {
        assertThatThrownBy(() -> PolicyParser.parse("acme", "input: {actions: {piii: block}}"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("unknown category or detector 'piii'");
    }

    @Test
    void should_reject_policy_when_a_key_is_misspelt() {
        assertThatThrownBy(() -> PolicyParser.parse("acme", "maxLenght: 10"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("unknown key 'maxLenght'");
    }

    @Test
    void should_reject_policy_when_max_length_is_not_positive() {
        assertThatThrownBy(() -> PolicyParser.parse("acme", "maxLength: -3"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("maxLength");
    }

    @Test
    void should_reject_policy_when_text_is_not_yaml() {
        assertThatThrownBy(() -> PolicyParser.parse("acme", "input: [unclosed"))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("not valid YAML or JSON");
    }

    @Test
    void should_load_the_built_in_default_when_asked() {
        ShieldPolicy policy = DefaultPolicy.load();

        assertThat(policy.input().detectors()).contains("email", "prompt-injection", "max-length");
        assertThat(policy.output().detectors()).contains("system-prompt-leak", "private-key");
    }
}
