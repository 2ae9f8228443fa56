package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ragfn.core.config.RagfnConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** How the functions reach OpenSearch on AWS: signed with their role, on exactly the domain or collection given. */
class OpenSearchAccessTest {

    static final String SIGNED_CONDITION = "SignsOpenSearchRequests";
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL);

    private final Template template = Template.load();

    @Test
    void should_offer_exactly_the_auth_and_service_values_ragfn_accepts_when_reading_the_parameters() {
        // given
        JsonNode parameters = template.root().path("Parameters");

        // when
        List<String> auths = texts(parameters.path("OpenSearchAuth").path("AllowedValues"));
        List<String> services = texts(parameters.path("OpenSearchService").path("AllowedValues"));

        // then: the values RagfnConfig parses (enum names, lower case with dashes)
        assertThat(auths).containsExactlyInAnyOrderElementsOf(configValues(RagfnConfig.OpenSearchAuth.values()));
        assertThat(services).containsExactlyInAnyOrderElementsOf(configValues(RagfnConfig.AwsService.values()));
        assertThat(parameters.path("OpenSearchAuth").path("Default").asText()).isEqualTo("aws-sigv4");
        assertThat(parameters.path("OpenSearchDomainOrCollection").isMissingNode()).isFalse();
    }

    @Test
    void should_pass_the_auth_service_and_stack_region_to_every_function_when_reading_the_environment() {
        for (String module : Repo.functionModules()) {
            String function = Template.functionId(module);

            assertThat(Template.ref(template.environment(function, "RAGFN_OPENSEARCH_AUTH"))).as(module)
                    .isEqualTo("OpenSearchAuth");
            assertThat(Template.ref(template.environment(function, "RAGFN_OPENSEARCH_AWS_SERVICE"))).as(module)
                    .isEqualTo("OpenSearchService");
            assertThat(Template.ref(template.environment(function, "RAGFN_OPENSEARCH_AWS_REGION"))).as(module)
                    .isEqualTo("AWS::Region");
        }
    }

    @Test
    void should_allow_signed_index_calls_exactly_in_the_functions_that_use_the_index() {
        for (String module : Repo.functionModules()) {
            // given
            boolean usesIndex = usesIndex(module);

            // when
            List<JsonNode> grants = signedOpenSearchGrants(template, Template.functionId(module));

            // then
            assertThat(grants).as(module).hasSize(usesIndex ? 1 : 0);
            for (JsonNode grant : grants) {
                JsonNode statement = grant.get(1).path("Statement").get(0);
                JsonNode action = statement.path("Action").path("Fn::If");
                JsonNode resource = statement.path("Resource").path("Fn::If");
                assertThat(grant.get(2).path("Ref").asText()).isEqualTo("AWS::NoValue");
                assertThat(action.get(0).asText()).isEqualTo("OpenSearchServerless");
                assertThat(texts(action.get(1))).containsExactly("aoss:APIAccessAll");
                assertThat(texts(action.get(2))).allMatch(a -> a.startsWith("es:ESHttp"))
                        .contains("es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut", "es:ESHttpDelete");
                assertThat(resource.get(1).path("Fn::Sub").asText())
                        .isEqualTo("arn:${AWS::Partition}:aoss:${AWS::Region}:${AWS::AccountId}:collection/${OpenSearchDomainOrCollection}");
                assertThat(resource.get(2).path("Fn::Sub").asText())
                        .isEqualTo("arn:${AWS::Partition}:es:${AWS::Region}:${AWS::AccountId}:domain/${OpenSearchDomainOrCollection}/*");
            }
        }
    }

    @Test
    void should_refuse_a_signed_deployment_without_a_domain_or_collection_when_reading_the_rules() {
        JsonNode rule = template.root().path("Rules").path("OpenSearchResourceGiven");

        assertThat(rule.path("RuleCondition").path("Fn::Equals").toString())
                .contains("OpenSearchAuth").contains("aws-sigv4");
        assertThat(rule.path("Assertions").get(0).path("Assert").toString()).contains("OpenSearchDomainOrCollection");
    }

    /** The policies {Fn::If: [SignsOpenSearchRequests, {Statement: ...}, AWS::NoValue]} of a function. */
    static List<JsonNode> signedOpenSearchGrants(Template template, String functionId) {
        List<JsonNode> grants = new ArrayList<>();
        for (Map.Entry<String, JsonNode> policy : template.policies(functionId)) {
            if (policy.getKey().equals("Fn::If") && policy.getValue().get(0).asText().equals(SIGNED_CONDITION)) {
                grants.add(policy.getValue());
            }
        }
        return grants;
    }

    /** A function uses the index when its package includes the OpenSearch module (a test-scope one does not ship). */
    private static boolean usesIndex(String module) {
        try {
            String pom = Files.readString(Repo.root().resolve("functions").resolve(module).resolve("pom.xml"));
            return DEPENDENCY.matcher(pom).results().map(m -> m.group())
                    .anyMatch(dependency -> dependency.contains("<artifactId>ragfn-index-opensearch</artifactId>")
                            && !dependency.contains("<scope>test</scope>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> configValues(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
