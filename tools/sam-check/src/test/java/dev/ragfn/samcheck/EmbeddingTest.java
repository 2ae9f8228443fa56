package dev.ragfn.samcheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Lambda every function embeds with Amazon Titan Text Embeddings V2 on Bedrock: the functions that
 * embed may call it, and nothing lets one function's vectors differ from another's or from the index.
 */
class EmbeddingTest {

    /** A policy given as an IAM statement; the only one is the grant on the embedding model. */
    static final String STATEMENT = "Statement";
    private static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";

    private final Template template = Template.load();

    @Test
    void should_embed_with_titan_v2_at_one_dimension_when_any_function_embeds_or_opens_the_index() {
        // given: global, so that embed's document vectors, retrieve's and chat-turn's query vectors and the
        // dimension of the index (created by whichever function opens it first) are the same
        JsonNode globals = template.root().path("Globals").path("Function").path("Environment").path("Variables");

        // then
        assertThat(globals.path("RAGFN_EMBEDDING_PROVIDER").asText()).isEqualTo("bedrock");
        assertThat(globals.path("RAGFN_EMBEDDING_DIMENSION").asText()).isIn("256", "512", "1024");
        assertThat(globals.has("RAGFN_EMBEDDING_MODEL")).isFalse(); // the default model, the one the grant names
        for (String module : Repo.functionModules()) {
            JsonNode own = template.properties(Template.functionId(module)).path("Environment").path("Variables");
            assertThat(own.has("RAGFN_EMBEDDING_PROVIDER") || own.has("RAGFN_EMBEDDING_DIMENSION")
                    || own.has("RAGFN_EMBEDDING_MODEL")).as(module).isFalse();
        }
    }

    @Test
    void should_allow_invoking_titan_exactly_when_the_function_includes_the_bedrock_module() {
        for (String module : Repo.functionModules()) {
            // given
            boolean embeds = pom(module).contains("<artifactId>ragfn-bedrock</artifactId>");

            // when
            List<JsonNode> statements = template.policies(Template.functionId(module)).stream()
                    .filter(p -> p.getKey().equals(STATEMENT)).map(Map.Entry::getValue).toList();

            // then
            if (!embeds) {
                assertThat(statements).as(module).isEmpty();
                continue;
            }
            assertThat(statements).as(module).hasSize(1);
            assertThat(statements.getFirst()).as(module).hasSize(1);
            JsonNode grant = statements.getFirst().get(0);
            assertThat(grant.path("Effect").asText()).isEqualTo("Allow");
            assertThat(grant.path("Action").asText()).as(module).isEqualTo("bedrock:InvokeModel");
            assertThat(grant.path("Resource").path("Fn::Sub").asText()).as(module).isEqualTo(
                    "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/" + TITAN_V2);
        }
    }

    private static String pom(String module) {
        try {
            return Files.readString(Repo.root().resolve("functions").resolve(module).resolve("pom.xml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
