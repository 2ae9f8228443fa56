package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.ragfn.core.domain.Assistant;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.retrieve.RetrieveMode;
import dev.ragfn.shield.Shield;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a request's inline options combine with the assistant it names. */
class TurnPlanTest {

    private static final Shield SHIELD = Shield.withDefaultPolicy();

    @Test
    void should_run_with_the_assistants_settings_when_the_request_gives_only_a_message() {
        // given
        Assistant helper = assistant(List.of("hr", "it"), List.of("search_knowledge_base"), List.of(), 7, "bm25");

        // when
        TurnPlan plan = TurnPlan.of(request(List.of(), ChatOptions.DEFAULTS), helper, SHIELD);

        // then
        assertThat(plan.knowledgeBases()).containsExactly("hr", "it");
        assertThat(plan.topK()).isEqualTo(7);
        assertThat(plan.mode()).isEqualTo(RetrieveMode.BM25);
        assertThat(plan.instructions()).isEqualTo("You are the HR helper.");
        assertThat(plan.model().model()).isEqualTo("hr-model");
        assertThat(plan.assistant()).isEqualTo(new Assistant.Ref("helper", 4));
        assertThat(plan.configuredToolKnowledgeBases()).isFalse();
    }

    @Test
    void should_narrow_the_knowledge_bases_and_take_inline_retrieval_settings_when_the_request_gives_them() {
        // given
        Assistant helper = assistant(List.of("hr", "it"), List.of(), List.of(), 7, "bm25");

        // when
        TurnPlan plan = TurnPlan.of(request(List.of("it"), new ChatOptions(3, RetrieveMode.HYBRID, List.of("hr"))),
                helper, SHIELD);

        // then
        assertThat(plan.knowledgeBases()).containsExactly("it");
        assertThat(plan.toolKnowledgeBases()).containsExactly("hr");
        assertThat(plan.topK()).isEqualTo(3);
        assertThat(plan.mode()).isEqualTo(RetrieveMode.HYBRID);
    }

    @Test
    void should_refuse_the_turn_when_the_request_widens_the_assistants_knowledge_bases() {
        Assistant helper = assistant(List.of("hr"), List.of(), List.of(), null, null);

        assertThatThrownBy(() -> TurnPlan.of(request(List.of("finance"), ChatOptions.DEFAULTS), helper, SHIELD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("knowledgeBases names finance, which is not one of assistant helper's");
        assertThatThrownBy(() -> TurnPlan.of(request(List.of(), new ChatOptions(null, null, List.of("finance"))),
                helper, SHIELD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("toolKnowledgeBases names finance");
    }

    @Test
    void should_leave_the_knowledge_bases_to_the_request_when_the_assistant_has_none() {
        Assistant open = assistant(List.of(), List.of(), List.of(), null, null);

        assertThat(TurnPlan.of(request(List.of("finance"), ChatOptions.DEFAULTS), open, SHIELD).knowledgeBases())
                .containsExactly("finance");
        assertThatThrownBy(() -> TurnPlan.of(request(List.of(), ChatOptions.DEFAULTS), open, SHIELD))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no knowledge bases: name them in knowledgeBases");
    }

    @Test
    void should_offer_only_the_tools_and_mcp_servers_the_assistant_allows() {
        // given
        Assistant helper = assistant(List.of("hr"), List.of("search_knowledge_base"), List.of("tickets"), null, null);

        // when
        TurnPlan.AllowedTools allowed = TurnPlan.of(request(List.of(), ChatOptions.DEFAULTS), helper, SHIELD).tools();

        // then
        assertThat(allowed.offers(tool("search_knowledge_base", "built-in"))).isTrue();
        assertThat(allowed.offers(tool("open_ticket", "mcp:tickets"))).isTrue();
        assertThat(allowed.offers(tool("run_sql", "mcp:warehouse"))).isFalse();
        assertThat(TurnPlan.inline(new ChatTurnRequest("acme", null, "How many vacation days?", List.of("hr"), null),
                SHIELD).tools()).isNull();
    }

    private static ChatTurnRequest request(List<String> knowledgeBases, ChatOptions options) {
        return new ChatTurnRequest("acme", null, "How many vacation days?", knowledgeBases, options, "helper");
    }

    private static Assistant assistant(List<String> knowledgeBases, List<String> tools, List<String> mcpServers,
                                       Integer topK, String mode) {
        return new Assistant("acme", "helper", "HR helper", "You are the HR helper.",
                new Assistant.ModelSettings("hr-model", 0.1, 300), knowledgeBases, tools, mcpServers, null, mode, topK,
                4, Instant.EPOCH, Instant.EPOCH);
    }

    private static ChatTool tool(String name, String source) {
        return new ChatTool() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public ToolSpecification specification() {
                return ToolSpecification.builder().name(name).build();
            }

            @Override
            public Output execute(ToolExecutionRequest request, ObjectNode arguments) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
