package dev.ragfn.chatturn;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.DocumentRef;
import dev.ragfn.core.domain.SourceCitation;
import dev.ragfn.core.domain.ToolCall;
import dev.ragfn.core.error.ConflictException;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.retrieve.Passage;
import dev.ragfn.retrieve.RetrieveRequest;
import dev.ragfn.retrieve.RetrieveService;
import dev.ragfn.runtime.observe.RagfnMeters;
import dev.ragfn.shield.Shield;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.ShieldVerdict;
import dev.ragfn.shield.ShieldedStream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One chat turn: input shield, retrieval, the relevant passages as numbered sources, an answer
 * (from the chat model, which may call tools, or extractive without one), output shield, and the
 * turn persisted in its session. Streamed, the answer goes out piece by piece as the output shield
 * passes it (a model's tokens, an extractive answer's sentences), redacted as the complete answer
 * is; a piece the shield blocks stops the turn and its model call. The returned object is the same
 * either way.
 */
public final class ChatTurnService {

    static final String EXTRACTIVE_PREFIX = "Extractive answer (no language model configured):";
    static final String NOT_FOUND = "I could not find this in the knowledge base.";
    static final String BLOCKED_INPUT = "I cannot help with this message: it was blocked by the input policy.";
    static final String BLOCKED_OUTPUT = "The answer was withheld: it was blocked by the output policy.";
    /** What a blocked message is stored as: the message itself may hold the secret that got it blocked. */
    static final String BLOCKED_QUESTION = "[message blocked by the input policy]";
    /** Share of the best sentence's similarity another sentence needs to join an extractive answer. */
    private static final double RELATIVE_FLOOR = 0.75;
    private static final int TITLE_CHARS = 80;

    private final RetrieveService retrieve;
    private final EmbeddingModel embeddings;
    private final Shield shield;
    private final SessionStore sessions;
    private final ChatConfig config;
    private final Optional<ChatModels> models;
    private final Optional<ChatTools> tools;
    private final RetrievalGate gate;
    private final Clock clock;

    /** A service whose model is offered no tools. */
    public ChatTurnService(RetrieveService retrieve, EmbeddingModel embeddings, Shield shield, SessionStore sessions,
                           ChatConfig config, Optional<ChatModels> models, Clock clock) {
        this(retrieve, embeddings, shield, sessions, config, models, Optional.empty(), clock);
    }

    ChatTurnService(RetrieveService retrieve, EmbeddingModel embeddings, Shield shield, SessionStore sessions,
                    ChatConfig config, Optional<ChatModels> models, Optional<ChatTools> tools, Clock clock) {
        this(retrieve, embeddings, shield, sessions, config, models, tools, RetrievalGate.open(), clock);
    }

    ChatTurnService(RetrieveService retrieve, EmbeddingModel embeddings, Shield shield, SessionStore sessions,
                    ChatConfig config, Optional<ChatModels> models, Optional<ChatTools> tools, RetrievalGate gate,
                    Clock clock) {
        this.retrieve = retrieve;
        this.embeddings = embeddings;
        this.shield = shield;
        this.sessions = sessions;
        this.config = config;
        this.models = models;
        this.tools = tools;
        this.gate = gate;
        this.clock = clock;
    }

    public ChatTurnResponse chat(ChatTurnRequest request) {
        return chat(request, ChatSession.ANONYMOUS_OWNER);
    }

    /** The turn of {@code owner}, who may continue only a session of their own, with the request's inline options. */
    public ChatTurnResponse chat(ChatTurnRequest request, String owner) {
        return chat(TurnPlan.inline(request, shield), owner);
    }

    /** The planned turn of {@code owner}. */
    ChatTurnResponse chat(TurnPlan plan, String owner) {
        return turn(plan, owner, null);
    }

    /** The same turn, with the answer handed to {@code tokens} piece by piece, as the output shield passes it. */
    public ChatTurnResponse stream(ChatTurnRequest request, Consumer<String> tokens) {
        return stream(request, tokens, call -> { });
    }

    /** The same, also telling {@code toolCalls} of each tool the model called, once it has run. */
    public ChatTurnResponse stream(ChatTurnRequest request, Consumer<String> tokens, Consumer<ToolCall> toolCalls) {
        return stream(TurnPlan.inline(request, shield), ChatSession.ANONYMOUS_OWNER,
                TurnStream.collecting(tokens, toolCalls));
    }

    /**
     * The streamed turn of {@code owner}.
     *
     * @throws CancellationException when the listener goes away first: the model call stops, nothing is stored
     */
    ChatTurnResponse stream(TurnPlan plan, String owner, TurnStream stream) {
        return turn(plan, owner, TurnStream.timed(stream));
    }

    private ChatTurnResponse turn(TurnPlan plan, String owner, TurnStream stream) {
        long start = System.nanoTime();
        ChatTurnRequest request = plan.request();
        Shield turnShield = plan.shield();
        String tenant = plan.tenant();
        String knowledgeBase = plan.firstKnowledgeBase();
        Map<String, Long> timings = new LinkedHashMap<>();
        Map<String, String> verdicts = new LinkedHashMap<>();

        ShieldVerdict input = timed(timings, "inputShield",
                () -> turnShield.check(ShieldRequest.input(request.message(), tenant, knowledgeBase)));
        verdicts.put("input", input.decision().name());
        if (input.blocked()) {
            ChatSession session = openSession(request, owner, "");
            if (stream != null) {
                stream.text(BLOCKED_INPUT);
            }
            return persist(plan, session, BLOCKED_QUESTION, Answer.fixed(BLOCKED_INPUT), verdicts, timings, start);
        }
        String question = input.text();
        ChatSession session = openSession(request, owner, question);

        int topK = plan.topK() == null ? config.topK() : plan.topK();
        Supplier<float[]> questionVector = Evidence.questionVector(embeddings, question);
        // Given up with the stream: a turn whose client went away while it waited for the gate does not retrieve.
        RetrievalGate.Turn retrieval = gate.forTurn(stream == null ? action -> { } : stream::onCancel);
        Evidence evidence = retrieval.run(() -> {
            List<Passage> passages = timed(timings, "retrieve", () -> retrieve.retrieve(new RetrieveRequest(question,
                    tenant, plan.knowledgeBases(), topK, plan.mode(), null, null, null), questionVector)
                    .passages());
            // Without a model the best sentences are the answer; with one, judging whole passages is enough.
            return timed(timings, "rank", () -> models.isEmpty()
                    ? Evidence.find(embeddings, question, questionVector, passages, config.minRelevance())
                    : Evidence.passages(embeddings, questionVector, passages, config.minRelevance()));
        });

        CitedPassages cited = new CitedPassages(evidence.passages());
        // Listing tools may reach MCP servers: timed apart from the model.
        TurnTools turnTools = models.isEmpty() || tools.isEmpty() ? null
                : timed(timings, "tools", () -> tools.get().forTurn(plan, cited, topK, retrieval));
        // With nothing relevant retrieved, the model is called only if a tool may find more.
        boolean modelMayLookFurther = turnTools != null && turnTools.reachBeyondRetrieval();
        Output out = new Output(turnShield, tenant, knowledgeBase, stream);
        Answer answer;
        ShieldVerdict output;
        try {
            if (!evidence.found() && !modelMayLookFurther) {
                answer = Answer.fixed(NOT_FOUND);
                out.append(answer.text());
            } else if (models.isEmpty()) {
                answer = extractive(tenant, evidence, out::append);
            } else {
                List<ChatTurn> history = timed(timings, "history",
                        () -> sessions.lastTurns(tenant, session.id(), config.historyTurns()));
                Prompt prompt = Prompt.assemble(plan.instructions(), evidence.passages(), history,
                        config.historyTokenBudget(), question, turnTools != null);
                out.systemPrompt = prompt.instructions();
                answer = timed(timings, "model", () -> generate(models.get(), prompt, plan, cited, turnTools, out));
            }
            String answerText = answer.text();
            output = timed(timings, "outputShield", () -> out.finish(answerText));
        } catch (OutputBlockedException e) {
            answer = Answer.fixed(BLOCKED_OUTPUT);
            output = e.verdict();
        }
        verdicts.put("output", output.decision().name());
        Answer shielded = output.blocked() ? answer.withheld(BLOCKED_OUTPUT) : answer.withText(output.text());
        return persist(plan, session, question, shielded, verdicts, timings, start);
    }

    /**
     * The output shield over the answer. Streamed, each piece is checked as it comes and goes out once passed;
     * otherwise the complete answer is checked once. What a model writes before calling a tool is an answer of its
     * own, checked whole before the next round begins.
     */
    private static final class Output {

        private final Shield shield;
        private final String tenant;
        private final String knowledgeBase;
        private final TurnStream stream;
        private final StringBuilder roundText = new StringBuilder();
        private String systemPrompt;
        private ShieldedStream round;

        Output(Shield shield, String tenant, String knowledgeBase, TurnStream stream) {
            this.shield = shield;
            this.tenant = tenant;
            this.knowledgeBase = knowledgeBase;
            this.stream = stream;
        }

        boolean streaming() {
            return stream != null;
        }

        /** The next piece of the answer. */
        void append(String piece) {
            if (stream == null) {
                return;
            }
            if (round == null) {
                round = new ShieldedStream(shield, tenant, knowledgeBase, systemPrompt, stream::text);
                roundText.setLength(0);
            }
            roundText.append(piece);
            if (!round.append(piece)) {
                throw new OutputBlockedException(round.blocked());
            }
        }

        /** A model round that ended in tool calls. */
        void endRound() {
            if (round != null) {
                ShieldVerdict verdict = round.finish();
                round = null;
                if (verdict.blocked()) {
                    throw new OutputBlockedException(verdict);
                }
            }
        }

        /** The verdict on the complete answer; streamed, what was held back goes out now unless it blocks. */
        ShieldVerdict finish(String answer) {
            if (stream == null) {
                return shield.check(ShieldRequest.output(answer, tenant, knowledgeBase, systemPrompt));
            }
            if (round != null && !roundText.toString().equals(answer)) {
                // Not what the last round streamed (the notice that the model kept calling tools).
                endRound();
            }
            if (round == null) {
                append(answer);
            }
            return round.finish();
        }
    }

    /** The session the request continues, or a new one: without an id, or under an id the tenant has not used. */
    private ChatSession openSession(ChatTurnRequest request, String owner, String firstMessage) {
        String id = request.sessionId() == null ? UUID.randomUUID().toString() : request.sessionId();
        Optional<ChatSession> existing = request.sessionId() == null ? Optional.empty()
                : sessions.get(request.tenant(), owner, id);
        if (existing.isPresent()) {
            return existing.get();
        }
        String title = firstMessage.length() > TITLE_CHARS ? firstMessage.substring(0, TITLE_CHARS) : firstMessage;
        try {
            return sessions.create(new ChatSession(request.tenant(), owner, id, title, clock.instant(), clock.instant()));
        } catch (ConflictException raced) {
            return sessions.get(request.tenant(), owner, id).orElseThrow(() -> raced);
        }
    }

    /**
     * The sentences that best answer the question, each with its citation, numbered by first
     * citation so the sources list holds exactly what the answer cites.
     */
    private Answer extractive(String tenant, Evidence evidence, Consumer<String> sentences) {
        List<Integer> cited = new ArrayList<>();
        Set<String> picked = new HashSet<>();
        StringBuilder text = new StringBuilder(EXTRACTIVE_PREFIX);
        sentences.accept(EXTRACTIVE_PREFIX);
        // Sentences far below the best one are about something else, however high the threshold.
        double best = evidence.sentences().stream().mapToDouble(Evidence.Sentence::similarity).max().orElse(0);
        double floor = Math.max(config.minRelevance(), RELATIVE_FLOOR * best);
        for (Evidence.Sentence sentence : evidence.sentences()) {
            if (picked.size() == config.extractiveSentences()) {
                break;
            }
            if (sentence.similarity() < floor || !picked.add(sentence.text())) {
                continue;
            }
            if (!cited.contains(sentence.passage())) {
                cited.add(sentence.passage());
            }
            String line = "\n" + sentence.text() + " [" + (cited.indexOf(sentence.passage()) + 1) + "]";
            text.append(line);
            sentences.accept(line);
        }
        List<SourceCitation> sources = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            sources.add(citation(tenant, i + 1, evidence.passages().get(cited.get(i))));
        }
        return new Answer(text.toString(), true, sources, List.of(), 0, 0);
    }

    /** The model's answer, after any tool rounds; every passage given or found is a numbered source. */
    private Answer generate(ChatModels model, Prompt prompt, TurnPlan plan, CitedPassages cited, TurnTools turnTools,
                            Output out) {
        String tenant = plan.tenant();
        int maxRounds = tools.map(ChatTools::maxRounds).orElse(0);
        ToolLoop.Result result = ToolLoop.run(prompt.messages(), plan.model(), turnTools, maxRounds,
                request -> call(model, request, out), out.streaming() ? out.stream::toolCall : call -> { });
        List<SourceCitation> sources = new ArrayList<>();
        List<Passage> passages = cited.all();
        for (int i = 0; i < passages.size(); i++) {
            sources.add(citation(tenant, i + 1, passages.get(i)));
        }
        return new Answer(result.text(), false, sources, result.toolCalls(), result.promptTokens(),
                result.completionTokens());
    }

    private ChatResponse call(ChatModels model, ChatRequest request, Output out) {
        try {
            return out.streaming() ? streamed(model, request, out) : model.blocking().chat(request);
        } catch (ChatModelUnavailableException | OutputBlockedException | CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(model, e);
        }
    }

    /**
     * One streamed model call. Each token goes through the output shield; when the shield blocks or the listener
     * goes away, the call is cancelled at the model's next token (its HTTP stream is closed).
     */
    private ChatResponse streamed(ChatModels model, ChatRequest request, Output out) {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        out.stream.onCancel(() -> done.completeExceptionally(new CancellationException("The client went away")));
        if (done.isDone()) {
            throw new CancellationException("The client went away before the model was called");
        }
        model.streaming().chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                onPartialResponse(new PartialResponse(partial), null);
            }

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                if (!done.isDone()) {
                    try {
                        out.append(partial.text());
                    } catch (OutputBlockedException blocked) {
                        done.completeExceptionally(blocked);
                    }
                }
                if (done.isDone() && context != null) {
                    stop(context.streamingHandle());
                }
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            // The client's own timeout covers a silent server; this one covers a server that never stops.
            ChatResponse response = done.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (response.aiMessage().hasToolExecutionRequests()) {
                out.endRound();
            }
            return response;
        } catch (TimeoutException e) {
            done.cancel(true);
            throw new ChatModelUnavailableException("The chat " + model.description() + " did not finish its answer within "
                    + config.timeout() + "; retry, or raise ragfn.chat.timeout", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OutputBlockedException || e.getCause() instanceof CancellationException) {
                throw (RuntimeException) e.getCause();
            }
            throw unavailable(model, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatModelUnavailableException("Interrupted while waiting for the chat " + model.description(), e);
        }
    }

    private ChatModelUnavailableException unavailable(ChatModels model, Throwable e) {
        return new ChatModelUnavailableException("The chat " + model.description() + " failed: "
                + e.getClass().getSimpleName() + ": " + e.getMessage() + "; retry later or check ragfn.chat.*", e);
    }

    private ChatTurnResponse persist(TurnPlan plan, ChatSession session, String question, Answer answer,
                                     Map<String, String> verdicts, Map<String, Long> timings, long start) {
        timings.put("total", millisSince(start));
        RagfnMeters.chatTurn(answer.promptTokens(), answer.completionTokens(), answer.toolCalls().size());
        ChatTurn stored = sessions.appendTurn(session.owner(), new ChatTurn(session.tenant(), session.id(), 0, question, answer.text(),
                answer.sources(), answer.toolCalls(), verdicts, timings, answer.promptTokens(), answer.completionTokens(),
                clock.instant(), plan.assistant()));
        return new ChatTurnResponse(session.id(), stored.index(), stored.answer(), answer.extractive(), stored.sources(),
                stored.toolCalls(), Collections.unmodifiableMap(verdicts), Collections.unmodifiableMap(timings),
                stored.promptTokens(), stored.completionTokens(), stored.assistant());
    }

    private static SourceCitation citation(String tenant, int number, Passage passage) {
        return new SourceCitation(number, DocumentRef.of(tenant, passage.knowledgeBase(), passage.documentId()),
                passage.chunkId(), passage.title(), passage.score(), passage.headingPath());
    }

    private static void stop(StreamingHandle handle) {
        try {
            handle.cancel();
        } catch (RuntimeException unsupported) {
            // A provider that cannot cancel streams on; what it sends is dropped.
        }
    }

    private static <T> T timed(Map<String, Long> timings, String step, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            timings.put(step, millisSince(start));
        }
    }

    static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
