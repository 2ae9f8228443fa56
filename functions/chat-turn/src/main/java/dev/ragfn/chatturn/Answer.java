package dev.ragfn.chatturn;

import dev.ragfn.core.domain.SourceCitation;
import dev.ragfn.core.domain.ToolCall;

import java.util.List;

/** An answer before it is persisted: its text, how it was made, what it cites, the tools called and what it cost. */
record Answer(String text, boolean extractive, List<SourceCitation> sources, List<ToolCall> toolCalls, int promptTokens,
              int completionTokens) {

    static Answer fixed(String text) {
        return new Answer(text, false, List.of(), List.of(), 0, 0);
    }

    /** This answer replaced by a notice: it cites nothing, but the tools called and the tokens spent stay on record. */
    Answer withheld(String notice) {
        return new Answer(notice, false, List.of(), toolCalls, promptTokens, completionTokens);
    }

    Answer withText(String newText) {
        return new Answer(newText, extractive, sources, toolCalls, promptTokens, completionTokens);
    }
}
