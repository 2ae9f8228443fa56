package dev.ragfn.core.domain;

/**
 * A tool the chat model called during a turn, kept with the turn to explain its answer.
 *
 * @param round          1 for the model's first answer, 2 after the first tool results, ...
 * @param name           the tool's name as offered to the model
 * @param source         where the tool lives: {@code built-in}, {@code mcp:<server>}, or {@code none} for a
 *                       name that no tool has
 * @param arguments      the arguments as the model wrote them (JSON, shortened when long)
 * @param outcome        whether the model got a result, an error, or a result withheld by the shield
 * @param detail         what happened in a few words: the error, the shield's reasons, or a summary
 * @param verdict        the shield's decision on the result (ALLOW, REDACT, BLOCK); null when there was no result
 * @param durationMillis time spent running the tool and checking its result
 */
public record ToolCall(int round, String name, String source, String arguments, Outcome outcome, String detail,
                       String verdict, long durationMillis) {

    public enum Outcome {
        /** The result went to the model (redacted if the verdict says so). */
        OK,
        /** The model got an error message instead of a result: unknown tool, bad arguments, failing or slow server. */
        ERROR,
        /** The shield blocked the result; the model was told it was withheld. */
        BLOCKED
    }

    public ToolCall {
        Ids.required("name", name);
        Ids.required("source", source);
        Ids.required("outcome", outcome);
        arguments = arguments == null ? "" : arguments;
        detail = detail == null ? "" : detail;
    }
}
