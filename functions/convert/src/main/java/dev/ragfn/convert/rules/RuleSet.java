package dev.ragfn.convert.rules;

import java.util.List;

/** Categories and the rules that feed them, in load order. */
public record RuleSet(List<Category> categories, List<Rule> rules) {
}
