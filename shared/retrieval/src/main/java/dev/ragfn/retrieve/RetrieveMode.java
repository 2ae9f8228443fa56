package dev.ragfn.retrieve;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.ragfn.core.error.InvalidInputException;

import java.util.Locale;

/** How passages are found: BM25 over the text, kNN over the vectors, or both fused. */
public enum RetrieveMode {
    BM25, VECTOR, HYBRID;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RetrieveMode parse(String value) {
        for (RetrieveMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value)) {
                return mode;
            }
        }
        throw new InvalidInputException("mode must be bm25, vector or hybrid but was '" + value + "'");
    }
}
