package dev.ragfn.shield.guard;

import dev.ragfn.shield.Direction;

/**
 * A model that classifies a text as safe or unsafe, such as Llama Guard. Optional: a shield
 * without one runs the rule-based detectors only, and a policy that enables {@code guard-model}
 * is rejected unless one is configured ({@code ragfn.shield.guard.url}).
 * {@link OpenAiCompatibleGuardModel} is the adapter for models served behind an OpenAI-compatible
 * chat-completions endpoint (vLLM, Ollama, OpenShift AI).
 */
public interface GuardModel {

    GuardAssessment assess(String text, Direction direction);
}
