package dev.ragfn.shield.detect.injection;

import java.util.List;

/** The phrasings the prompt-injection detector knows, one rule per family. */
final class InjectionRules {

    private static final String NOT_NEGATED = "(?<!don't |don’t |dont |do not |never |not )";
    private static final String OVERRIDE_VERB = "(?:ignore|disregard|forget|override|bypass)";
    private static final String INSTRUCTIONS = "(?:instructions?|prompts?|rules|directions|guidelines|directives"
            + "|programming|guardrails|restrictions|context)";
    private static final String LIMITS = "(?:restrictions|rules|filters|guidelines|limitations|policies|censorship"
            + "|ethics|morals|constraints|safeguards|boundaries)";
    private static final String LIFTED = "(?:no|without|free from|free of|not bound by|ignoring|ignore|bypass|bypassing)";

    static final List<InjectionRule> ALL = List.of(
            InjectionRule.of("ignore-previous-instructions",
                    "\\b" + NOT_NEGATED + OVERRIDE_VERB + upTo(4)
                            + "(?:previous|prior|above|earlier|preceding|initial|original|system|developer|all|any|your|these)"
                            + upTo(1) + INSTRUCTIONS + "\\b"
                            + "|\\b" + NOT_NEGATED + OVERRIDE_VERB + " (?:everything|all|anything)"
                            + " (?:above|before this|you (?:were|have been) told)\\b"),
            InjectionRule.of("reveal-system-prompt",
                    "\\b(?:reveal|show|print|display|repeat|output|leak|dump|expose|recite|disclose|tell me|give me|write out)"
                            + upTo(4) + "(?:your|the) (?:full |entire |exact |original |hidden |secret |initial )?"
                            + "(?:system (?:prompt|message|instructions?)|initial (?:prompt|instructions)"
                            + "|hidden (?:prompt|instructions)|(?:secret|original) (?:prompt|instructions)|prompt above)\\b"
                            + "|\\bwhat (?:is|are|was|were) your (?:system prompt|initial instructions|hidden instructions"
                            + "|original instructions|instructions)\\b"
                            + "|\\brepeat" + upTo(3) + "(?:words|text|everything) (?:above|before this)\\b"),
            InjectionRule.of("jailbreak-persona",
                    "\\b(?:do anything now|dan mode|stan mode|dude mode|aim mode|jailbreak(?:ed)? mode"
                            + "|developer mode (?:enabled|activated|on)|god mode (?:enabled|activated|on))\\b"
                            + "|\\b(?:you are|you're|act as|you will be|become) (?:now )?(?:a |an |in )?"
                            + "(?:dan|stan|jailbroken|unrestricted ai|unfiltered ai|uncensored ai|developer mode)\\b"),
            InjectionRule.of("role-play-override",
                    "\\b(?:pretend|imagine|act as if|roleplay|role-play|role play|from now on)" + upTo(3)
                            + "(?:you|you're|your|yourself)" + upTo(5) + LIFTED + upTo(2) + LIMITS + "\\b"
                            + "|\\byou are now" + upTo(4) + LIFTED + upTo(2) + LIMITS + "\\b"
                            + "|\\byou are no longer (?:bound|restricted|an ai|chatgpt|an assistant|limited)\\b"),
            InjectionRule.of("chat-template-tokens",
                    "<[|i]im_start[|i]>|<[|i]im_end[|i]>|<[|i]system[|i]>|\\[/?inst\\]|<<sys>>|<[|i]endoftext[|i]>"));

    private InjectionRules() {
    }

    /** A gap of punctuation and spaces with up to {@code words} words in it, matched lazily and bounded. */
    private static String upTo(int words) {
        return "(?:\\W{1,3}[\\w']+){0," + words + "}?\\W{1,3}";
    }
}
