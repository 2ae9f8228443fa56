package dev.ragfn.shield;

/** Which side of the conversation a text comes from; policies differ per side. */
public enum Direction {
    /** The user's message, before retrieval and the model see it. */
    INPUT,
    /** The model's answer, before the user sees it. */
    OUTPUT
}
