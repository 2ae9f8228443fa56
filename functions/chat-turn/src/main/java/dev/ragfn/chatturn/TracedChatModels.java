package dev.ragfn.chatturn;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.ragfn.runtime.observe.RagfnTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

import java.util.Locale;
import java.util.Set;

/**
 * The chat models with a span per call, named and tagged as OpenTelemetry's generative-AI
 * conventions say ({@code chat <model>}, {@code gen_ai.request.model}, {@code gen_ai.usage.*}).
 * Only put in place when tracing is on: otherwise the models are used as they are.
 */
final class TracedChatModels {

    private TracedChatModels() {
    }

    static ChatModels traced(ChatModels models) {
        return new ChatModels(new Blocking(models.blocking()), new Streaming(models.streaming()), models.description());
    }

    private static Span start(ChatRequest request, ChatRequestParameters defaults, ModelProvider provider) {
        String model = request.parameters() != null && request.parameters().modelName() != null
                ? request.parameters().modelName()
                : defaults == null || defaults.modelName() == null ? "unknown" : defaults.modelName();
        Span span = RagfnTracing.tracer().spanBuilder("chat " + model).setSpanKind(SpanKind.CLIENT).startSpan();
        span.setAttribute("gen_ai.operation.name", "chat");
        span.setAttribute("gen_ai.system", provider == null ? "unknown" : provider.name().toLowerCase(Locale.ROOT));
        span.setAttribute("gen_ai.request.model", model);
        return span;
    }

    private static void end(Span span, ChatResponse response, Throwable failure) {
        if (response != null) {
            if (response.modelName() != null) {
                span.setAttribute("gen_ai.response.model", response.modelName());
            }
            TokenUsage usage = response.tokenUsage();
            if (usage != null && usage.inputTokenCount() != null) {
                span.setAttribute("gen_ai.usage.input_tokens", usage.inputTokenCount());
            }
            if (usage != null && usage.outputTokenCount() != null) {
                span.setAttribute("gen_ai.usage.output_tokens", usage.outputTokenCount());
            }
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private record Blocking(ChatModel model) implements ChatModel {
        @Override
        public ChatResponse chat(ChatRequest request) {
            Span span = start(request, model.defaultRequestParameters(), model.provider());
            try (Scope ignored = span.makeCurrent()) {
                ChatResponse response = model.chat(request);
                end(span, response, null);
                return response;
            } catch (RuntimeException e) {
                end(span, null, e);
                throw e;
            }
        }

        @Override
        public ChatRequestParameters defaultRequestParameters() {
            return model.defaultRequestParameters();
        }

        @Override
        public ModelProvider provider() {
            return model.provider();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return model.supportedCapabilities();
        }
    }

    private record Streaming(StreamingChatModel model) implements StreamingChatModel {
        @Override
        public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
            Span span = start(request, model.defaultRequestParameters(), model.provider());
            try (Scope ignored = span.makeCurrent()) {
                model.chat(request, new EndingHandler(span, handler));
            } catch (RuntimeException e) {
                end(span, null, e);
                throw e;
            }
        }

        @Override
        public ChatRequestParameters defaultRequestParameters() {
            return model.defaultRequestParameters();
        }

        @Override
        public ModelProvider provider() {
            return model.provider();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return model.supportedCapabilities();
        }
    }

    /** Passes every callback on and ends the span with the answer or the error. */
    private record EndingHandler(Span span, StreamingChatResponseHandler handler) implements StreamingChatResponseHandler {
        @Override
        public void onPartialResponse(String partial) {
            handler.onPartialResponse(partial);
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handler.onPartialResponse(partial, context);
        }

        @Override
        public void onPartialThinking(PartialThinking thinking) {
            handler.onPartialThinking(thinking);
        }

        @Override
        public void onPartialThinking(PartialThinking thinking, PartialThinkingContext context) {
            handler.onPartialThinking(thinking, context);
        }

        @Override
        public void onPartialToolCall(PartialToolCall call) {
            handler.onPartialToolCall(call);
        }

        @Override
        public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
            handler.onPartialToolCall(call, context);
        }

        @Override
        public void onCompleteToolCall(CompleteToolCall call) {
            handler.onCompleteToolCall(call);
        }

        @Override
        public void onUnmappedRawEvent(Object event) {
            handler.onUnmappedRawEvent(event);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            end(span, response, null);
            handler.onCompleteResponse(response);
        }

        @Override
        public void onError(Throwable error) {
            end(span, null, error);
            handler.onError(error);
        }
    }
}
