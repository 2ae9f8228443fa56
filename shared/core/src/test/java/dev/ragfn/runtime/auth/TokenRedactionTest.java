package dev.ragfn.runtime.auth;

import dev.ragfn.testing.TestIssuer;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRedactionTest {

    @Test
    void should_replace_signed_and_unsigned_tokens_when_a_message_carries_them() {
        TestIssuer issuer = TestIssuer.shared();
        String signed = issuer.token("alice", "acme", "reader");
        String unsigned = issuer.user("alice", "acme", "reader").unsigned();
        ExtLogRecord record = new ExtLogRecord(Level.FINE, "Token verification has failed: %s, then %s",
                ExtLogRecord.FormatStyle.PRINTF, TokenRedactionTest.class.getName());
        record.setParameters(new Object[] {"JsonWebSignature{\"alg\":\"RS256\"}->" + signed, unsigned});

        boolean logged = new TokenRedaction().isLoggable(record);

        assertThat(logged).isTrue();
        assertThat(record.getFormattedMessage()).doesNotContain(signed).doesNotContain(unsigned)
                .isEqualTo("Token verification has failed: JsonWebSignature{\"alg\":\"RS256\"}->[token redacted], then [token redacted]");
    }
}
