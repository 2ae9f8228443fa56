package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;

/** A tool the chat model may call during a turn. */
interface ChatTool {

    /** Where the tool lives, for the turn record: {@code built-in} or {@code mcp:<server>}. */
    String BUILT_IN = "built-in";

    ToolSpecification specification();

    default String name() {
        return specification().name();
    }

    String source();

    /**
     * Runs the call. {@code arguments} is the request's arguments, already parsed as a JSON object.
     * A {@link ToolFailure} carries what the model should be told instead of a result.
     */
    Output execute(ToolExecutionRequest request, ObjectNode arguments);

    /** The result for the model, and a few words about it for the turn record. */
    record Output(String text, String detail) {
    }

    /** A call that cannot give a result; the message goes to the model, which may correct itself. */
    final class ToolFailure extends RuntimeException {

        ToolFailure(String message) {
            super(message);
        }

        ToolFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
