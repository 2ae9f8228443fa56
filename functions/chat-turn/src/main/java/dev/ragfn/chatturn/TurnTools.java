package dev.ragfn.chatturn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.ragfn.core.domain.ToolCall;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.ShieldVerdict;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The tools offered in one turn, and the running of each call the model makes: the result, or a
 * message saying what went wrong, always goes back to the model; nothing a tool does fails the
 * turn. Every result is untrusted input: it passes the tenant's input policy of the shield
 * (prompt injection blocks it, personal data is redacted) before the model sees it.
 */
final class TurnTools {

    private static final Logger LOG = Logger.getLogger(TurnTools.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Arguments are kept in the turn record to explain it, not to replay it. */
    private static final int STORED_ARGUMENT_CHARS = 2_000;

    private final Map<String, ChatTool> tools = new LinkedHashMap<>();
    private final boolean reachesBeyondRetrieval;
    private final String tenant;
    private final String knowledgeBase;
    private final Shield shield;
    private final CitedPassages cited;
    private final int maxCallsPerRound;
    private final int maxResultChars;

    TurnTools(List<ChatTool> offered, boolean reachesBeyondRetrieval, String tenant, String knowledgeBase,
              Shield shield, CitedPassages cited, int maxCallsPerRound, int maxResultChars) {
        for (ChatTool tool : offered) {
            if (tools.putIfAbsent(tool.name(), tool) != null) {
                LOG.warnf("Tool %s of %s is not offered: %s already offers a tool of that name", tool.name(),
                        tool.source(), tools.get(tool.name()).source());
            }
        }
        this.reachesBeyondRetrieval = reachesBeyondRetrieval;
        this.tenant = tenant;
        this.knowledgeBase = knowledgeBase;
        this.shield = shield;
        this.cited = cited;
        this.maxCallsPerRound = maxCallsPerRound;
        this.maxResultChars = maxResultChars;
    }

    List<ToolSpecification> specifications() {
        return tools.values().stream().map(ChatTool::specification).toList();
    }

    /** True when a tool can find what the turn's own retrieval cannot: another knowledge base, or an MCP tool. */
    boolean reachBeyondRetrieval() {
        return reachesBeyondRetrieval;
    }

    /** A call's result message for the model, and its record. {@code position} counts calls within the round from 0. */
    record Executed(ToolExecutionResultMessage message, ToolCall call) {
    }

    Executed execute(int round, int position, ToolExecutionRequest request) {
        long start = System.nanoTime();
        String name = request.name() == null ? "" : request.name();
        String arguments = request.arguments() == null ? "" : request.arguments();
        ChatTool tool = tools.get(name);
        if (tool == null) {
            return failed(round, request, "none", "unknown tool '" + name + "'; the tools are " + tools.keySet(), start);
        }
        if (position >= maxCallsPerRound) {
            return failed(round, request, tool.source(), "not run: at most " + maxCallsPerRound
                    + " tool calls are run per answer; call fewer tools at once", start);
        }
        ObjectNode parsed;
        try {
            parsed = parse(arguments);
        } catch (ChatTool.ToolFailure e) {
            return failed(round, request, tool.source(), e.getMessage(), start);
        }
        int citedBefore = cited.size();
        ChatTool.Output output;
        try {
            output = tool.execute(request, parsed);
        } catch (ChatTool.ToolFailure | RagfnException e) {
            return failed(round, request, tool.source(), e.getMessage(), start);
        } catch (CancellationException gone) {
            // The turn was given up (its client went away): not the tool's failure, and nobody to answer.
            throw gone;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Tool %s of %s failed", name, tool.source());
            return failed(round, request, tool.source(), "the tool failed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), start);
        }
        String text = output.text().length() <= maxResultChars ? output.text()
                : output.text().substring(0, maxResultChars) + "\n[result cut at " + maxResultChars + " characters]";
        ShieldVerdict verdict = shield.check(ShieldRequest.input(text, tenant, knowledgeBase));
        if (verdict.blocked()) {
            // The model never sees these passages, so the answer cannot cite them.
            cited.forgetAfter(citedBefore);
            String reasons = String.join("; ", verdict.reasons());
            LOG.warnf("Result of tool %s of %s withheld by the shield: %s", name, tool.source(), reasons);
            return executed(request, "The result of " + name + " was withheld: the shield blocked it ("
                            + reasons + "). Do not rely on this tool for this question.",
                    new ToolCall(round, name, tool.source(), stored(arguments), ToolCall.Outcome.BLOCKED, reasons,
                            verdict.decision().name(), ChatTurnService.millisSince(start)));
        }
        return executed(request, verdict.text(), new ToolCall(round, name, tool.source(), stored(arguments),
                ToolCall.Outcome.OK, output.detail(), verdict.decision().name(), ChatTurnService.millisSince(start)));
    }

    private static ObjectNode parse(String arguments) {
        if (arguments.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(arguments);
        } catch (JsonProcessingException e) {
            throw new ChatTool.ToolFailure("the arguments are not valid JSON (" + e.getOriginalMessage()
                    + "); send a JSON object matching the tool's parameters");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new ChatTool.ToolFailure("the arguments must be a JSON object matching the tool's parameters, not "
                    + parsed.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    private Executed failed(int round, ToolExecutionRequest request, String source, String message, long start) {
        String name = request.name() == null ? "" : request.name();
        return executed(request, "Error: " + message, new ToolCall(round, name, source,
                stored(request.arguments()), ToolCall.Outcome.ERROR, message, null, ChatTurnService.millisSince(start)));
    }

    private static Executed executed(ToolExecutionRequest request, String text, ToolCall call) {
        return new Executed(ToolExecutionResultMessage.from(request, text), call);
    }

    private static String stored(String arguments) {
        if (arguments == null) {
            return "";
        }
        return arguments.length() <= STORED_ARGUMENT_CHARS ? arguments : arguments.substring(0, STORED_ARGUMENT_CHARS) + "…";
    }
}
