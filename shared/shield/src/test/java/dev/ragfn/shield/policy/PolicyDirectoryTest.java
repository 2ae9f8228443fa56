package dev.ragfn.shield.policy;

import dev.ragfn.shield.guard.GuardModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void should_pick_the_most_specific_policy_when_tenant_and_knowledge_base_have_files() throws IOException {
        // given
        Files.writeString(dir.resolve("acme.yaml"), "maxLength: 100");
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/contracts.json"), "{\"maxLength\": 200}");

        // when
        PolicyDirectory policies = new PolicyDirectory(dir);

        // then
        assertThat(policies.policyFor("acme", "contracts").name()).isEqualTo("acme/contracts");
        assertThat(policies.policyFor("acme", "contracts").maxLength()).isEqualTo(200);
        assertThat(policies.policyFor("acme", "handbook").name()).isEqualTo("acme");
        assertThat(policies.policyFor("globex", "contracts").name()).isEqualTo("built-in default");
        assertThat(policies.policyFor(null, null).name()).isEqualTo("built-in default");
    }

    @Test
    void should_replace_the_built_in_default_when_directory_has_default_file() throws IOException {
        Files.writeString(dir.resolve("default.yml"), "maxLength: 42");

        assertThat(new PolicyDirectory(dir).policyFor("anyone", null).maxLength()).isEqualTo(42);
    }

    @Test
    void should_fail_when_opened_and_a_file_is_invalid() throws IOException {
        Files.writeString(dir.resolve("acme.yaml"), "input: {detectors: [emial]}");

        assertThatThrownBy(() -> new PolicyDirectory(dir))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("'acme'");
    }

    @Test
    void should_reject_policy_when_it_enables_guard_model_and_none_is_configured() {
        ShieldPolicy policy = PolicyParser.parse("acme", "input: {detectors: [guard-model]}");

        assertThatThrownBy(() -> CompiledPolicy.compile(policy, Optional.<GuardModel>empty()))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("ragfn.shield.guard.url");
    }
}
