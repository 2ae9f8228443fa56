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

    @ParameterizedTest
    @ValueSource(strings = {"request_token: 6f1c2a9e-3b7d-4e8f-a1c2-93d4e5f6a7b8", "access_key=0B9A8C7D-6E5F-11EE-9D64-0242AC120002"})
    void should_find_no_secret_when_a_generic_name_holds_a_uuid(String text) {
        assertThat(Found.in(SecretDetectors.assignedSecret(), text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//registry.npmjs.org/:_authToken=6f1c2a9e-3b7d-4e8f-a1c2-93d4e5f6a7b8",
            "//registry.npmjs.org/:_authToken= 6f1c2a9e-3b7d-4e8f-a1c2-93d4e5f6a7b8"})
    void should_find_npm_token_when_it_is_a_uuid_in_an_npmrc_line(String line) {
        assertThat(Found.in(SecretDetectors.configToken(), line)).containsExactly("6f1c2a9e-3b7d-4e8f-a1c2-93d4e5f6a7b8");
    }

    private static final String SL_KEY = "i51ktiogt5fvszr7a74hizw93ayv1zh2x1lv1nucg6sjdtpz4f10xr8ynvseb2jc";

    @ParameterizedTest
    @ValueSource(strings = {"softlayer_api_key: " + SL_KEY, "--sl-key \"" + SL_KEY + "\"",
            "IBM_CLOUD_IAM_APIKEY = XJbhyP6J5NVu4N17oMlfMsg1MFm-jEEXwvt7467FkxGO",
            "cos_hmac_secret_access_key: \"1496139e18da91d17e739705069996f75e58ec5a98076bbb\"",
            "CLOUDANT_PASSWORD := qwhdkeiruthfnbvmalsoeiru"})
    void should_find_the_value_when_a_provider_credential_is_named_and_has_its_length(String line) {
        assertThat(Found.in(SecretDetectors.configToken(), line)).singleElement()
                .satisfies(value -> assertThat(value).doesNotContain("=", ":", "\"", " ").hasSizeGreaterThanOrEqualTo(24));
    }

    @ParameterizedTest
    @ValueSource(strings = {"softlayer_api_key: " + SL_KEY + "9", "ibm_iam_key = too-short-to-be-a-key",
            "CLOUDANT_PASSWORD = \"not-a-real-one\"", "the softlayer key rotates monthly"})
    void should_find_no_provider_credential_when_the_length_is_wrong(String line) {
        assertThat(Found.in(SecretDetectors.configToken(), line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8641957203:AACsA00Udc4WEaXTmxz73LSEmMG6XSv0BpJ", "AC" + "d8821a884b68f3c165883a09bfbd44fe",
            "https://api.softlayer.com/rest/v3/" + SL_KEY})
    void should_find_provider_token_when_pasted_bare(String token) {
        assertThat(Found.in(SecretDetectors.providerApiKey(), "use " + token + " here")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"if (db_password == \"w1nter is c0ming!\") {", "if (\"w1nter is c0ming!\" !== userPassword)",
            "char admin_secret[16] = \"w1nter is c0ming!\";", "--password \"w1nter is c0ming!\"",
            "my_api_key_prod := `Zq8!vLr2`", "secret: l0ng-l1ve-the-k1ng,"})
    void should_find_credential_when_assigned_or_compared_in_code(String line) {
        assertThat(Found.in(SecretDetectors.passwordAssignment(), line)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password = \"\"", "password: ${link}", "pwd: /home/build", "password = user_password;",
            "password => params[:pw]", "password: settings.DB_PASSWORD", "secret := \"somefakevalue\"",
            "password = ,.:-!?", "Pass: 95%", "the password \"is\" required"})
    void should_find_no_credential_when_value_is_empty_a_name_or_a_template(String line) {
        assertThat(Found.in(SecretDetectors.passwordAssignment(), line)).isEmpty();
    }

    @Test
    void should_find_jwt_when_unsigned_and_reject_truncated_header() {
        String unsigned = JWT.substring(0, JWT.lastIndexOf('.'));
        String truncatedHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ" + JWT.substring(JWT.indexOf('.'));
        assertThat(Found.in(SecretDetectors.jwt(), "id " + unsigned)).containsExactly(unsigned);
        assertThat(Found.in(SecretDetectors.jwt(), truncatedHeader)).isEmpty();
    }
}
