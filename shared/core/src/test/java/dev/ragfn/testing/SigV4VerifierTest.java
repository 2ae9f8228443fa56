package dev.ragfn.testing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The test gateway's verifier against the published SigV4 example, so a gateway that accepts everything cannot pass. */
class SigV4VerifierTest {

    private static final Clock AT_SIGNING = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
            + "aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    @Test
    void should_accept_the_published_example_when_the_secret_matches() {
        SigV4Verifier verifier = new SigV4Verifier(SigV4Gateway.ACCESS_KEY_ID, SigV4Gateway.SECRET_KEY, "us-east-1",
                "service", AT_SIGNING);

        SigV4Verifier.Verdict verdict = verifier.verify("GET", "/", null, headers(), new byte[0]);

        assertThat(verdict.refusal()).isNull();
    }

    @Test
    void should_refuse_the_published_example_when_the_secret_or_the_body_differs() {
        SigV4Verifier wrongSecret = new SigV4Verifier(SigV4Gateway.ACCESS_KEY_ID, "another-secret", "us-east-1",
                "service", AT_SIGNING);
        SigV4Verifier verifier = new SigV4Verifier(SigV4Gateway.ACCESS_KEY_ID, SigV4Gateway.SECRET_KEY, "us-east-1",
                "service", AT_SIGNING);

        assertThat(wrongSecret.verify("GET", "/", null, headers(), new byte[0]).refusal())
                .contains("signature we calculated does not match");
        assertThat(verifier.verify("GET", "/", null, headers(), "{}".getBytes(StandardCharsets.UTF_8)).refusal())
                .contains("signature we calculated does not match");
        assertThat(verifier.verify("GET", "/", "refresh=true", headers(), new byte[0]).valid()).isFalse();
    }

    private static Map<String, List<String>> headers() {
        return Map.of("host", List.of("example.amazonaws.com"), "x-amz-date", List.of("20150830T123600Z"),
                "authorization", List.of(AUTHORIZATION));
    }
}
