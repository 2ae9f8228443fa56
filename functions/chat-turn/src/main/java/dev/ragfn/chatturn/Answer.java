package dev.ragfn.chatturn;

import dev.ragfn.core.domain.SourceCitation;

import java.util.List;

/** An answer before it is persisted: its text, how it was made, what it cites and what it cost. */
record Answer(String text, boolean extractive, List<SourceCitation> sources, int promptTokens, int completionTokens) {

    static Answer fixed(String text) {
        return new Answer(text, false, List.of(), 0, 0);
    }

    Answer withText(String newText) {
        return new Answer(newText, extractive, sources, promptTokens, completionTokens);
    }
}
