package dev.ragfn.shield.detect.secret;

import dev.ragfn.shield.detect.Found;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretDetectorsTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    @Test
    void should_find_aws_key_id_when_prefix_and_length_match() {
        assertThat(Found.in(SecretDetectors.awsAccessKey(), "key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A"))
                .containsExactly("AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A");
    }

    @Test
    void should_find_no_aws_key_id_when_truncated_or_lower_case() {
        assertThat(Found.in(SecretDetectors.awsAccessKey(), "AKIAIOSFODNN7EXAMPL akiaiosfodnn7example")).isEmpty();
    }

    @Test
    void should_find_github_token_when_prefix_and_length_match() {
        String token = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12";
        assertThat(Found.in(SecretDetectors.githubToken(), "token " + token + " pushed")).containsExactly(token);
    }

    @Test
    void should_find_no_github_token_when_only_the_prefix_is_mentioned() {
        assertThat(Found.in(SecretDetectors.githubToken(), "prefix ghp_ and ghp_short")).isEmpty();
    }

    @Test
    void should_find_slack_token_when_bot_token_or_webhook() {
        String bot = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
        String hook = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
        assertThat(Found.in(SecretDetectors.slackToken(), bot + " " + hook)).containsExactly(bot, hook);
    }

    @Test
    void should_find_jwt_when_header_decodes_to_json() {
        assertThat(Found.in(SecretDetectors.jwt(), "Bearer " + JWT)).containsExactly(JWT);
    }

    @Test
    void should_find_no_jwt_when_segments_are_not_a_token() {
        assertThat(Found.in(SecretDetectors.jwt(), "header.payload.signature eyJabc.eyJdef.ghi")).isEmpty();
    }

    @Test
    void should_find_private_key_from_begin_to_end_when_pem_block_is_complete() {
        // given
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq98Qz\n-----END RSA PRIVATE KEY-----";

        // when / then
        assertThat(Found.in(SecretDetectors.privateKey(), "key:\n" + key + "\ndone")).containsExactly(key);
    }

    @Test
    void should_find_private_key_to_end_of_text_when_answer_was_cut_short() {
        String key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        assertThat(Found.in(SecretDetectors.privateKey(), key)).containsExactly(key);
    }

    @Test
    void should_find_no_private_key_when_block_is_public() {
        assertThat(Found.in(SecretDetectors.privateKey(), "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key = \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"", "OPENAI_API_KEY=sk-proj-Zt8k2LmQ9vX4pR7wN3yB6cH1",
            "{\"client_secret\": \"9f8e7d6c5b4a39281706f5e4d3c2b1a0\"}", "Authorization: Bearer a8Kd93jfLq02mZx7Pw4v"})
    void should_find_only_the_value_when_high_entropy_secret_is_assigned(String text) {
        assertThat(Found.in(SecretDetectors.assignedSecret(), text)).singleElement()
                .satisfies(value -> assertThat(value).doesNotContain("=", ":", "\"", " ").hasSizeGreaterThanOrEqualTo(16));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api_key = \"your_api_key_here\"", "api_key = os.environ[\"API_KEY\"]", "token = get_token(user_id)",
            "password = \"correcthorsebatterystaple\"", "max_tokens=1024", "the secret sauce is 20 years old", "API_KEY=${API_KEY}"})
    void should_find_no_secret_when_value_is_code_or_placeholder(String text) {
        assertThat(Found.in(SecretDetectors.assignedSecret(), text)).isEmpty();
    }
}
