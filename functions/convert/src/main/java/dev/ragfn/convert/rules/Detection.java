package dev.ragfn.convert.rules;

import java.util.List;

/**
 * The verdict for one category: the capped sum of the boosts of its matched rules (each rule
 * counts once, however often it matched) and every match as evidence.
 */
public record Detection(Category category, int confidence, boolean detected, List<Evidence> evidence) {
}
