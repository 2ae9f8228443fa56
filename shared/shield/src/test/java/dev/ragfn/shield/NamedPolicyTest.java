package dev.ragfn.shield;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.shield.policy.PolicyDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy an assistant names: a file of its tenant's folder, applying to every check of its turns. */
class NamedPolicyTest {

    @TempDir
    Path dir;

    @Test
    void should_check_under_the_named_policy_whatever_the_knowledge_base_when_a_tenants_policy_is_named()
            throws IOException {
        // given
        Files.createDirectories(dir.resolve("acme"));
        Files.writeString(dir.resolve("acme/strict.yaml"), "input: {detectors: [blocked-words]}\nblockedWords: [project zeus]");
        Shield shield = new Shield(new PolicyDirectory(dir), Optional.empty());
        ShieldRequest message = ShieldRequest.input("Tell me about project zeus", "acme", "handbook");

        // when
        ShieldVerdict strict = shield.withPolicy("acme", "strict").check(message);

        // then
        assertThat(shield.check(message).decision()).isEqualTo(Decision.ALLOW);
        assertThat(strict.decision()).isEqualTo(Decision.BLOCK);
        assertThat(strict.policy()).isEqualTo("acme/strict");
    }

    @Test
    void should_refuse_the_name_when_the_tenant_has_no_such_policy() throws IOException {
        // given: the policy exists, but in another tenant's folder
        Files.createDirectories(dir.resolve("globex"));
        Files.writeString(dir.resolve("globex/strict.yaml"), "maxLength: 10");
        Shield shield = new Shield(new PolicyDirectory(dir), Optional.empty());

        // when / then
        assertThatThrownBy(() -> shield.withPolicy("acme", "strict"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("shield policy strict of tenant acme does not exist")
                .hasMessageContaining("acme/strict.yaml");
    }
}
