package dev.ragfn.shield.detect.injection;

import java.util.List;

/** The phrasings the prompt-injection detector knows, one rule per family. */
final class InjectionRules {

    private static final String NOT_NEGATED = "(?<!don't |dont |do not |never |not )";
    private static final String FEW_WORDS = "(?: [\\w']+){0,4}?";

    static final List<InjectionRule> ALL = List.of(
            InjectionRule.of("ignore-previous-instructions",
                    "\\b" + NOT_NEGATED + "(?:ignore|disregard|forget|override|bypass|skip)" + FEW_WORDS
                            + " (?:previous|prior|above|earlier|preceding|initial|original|system|developer|all|any|your|these)"
                            + "(?: [\\w']+)?? (?:instructions?|prompts?|rules|directions|guidelines|directives|programming"
                            + "|guardrails|restrictions|context)\\b"),
            InjectionRule.of("reveal-system-prompt",
                    "\\b(?:reveal|show|print|display|repeat|output|leak|dump|expose|recite|disclose|tell me|give me|write out)"
                            + FEW_WORDS + " (?:your|the) (?:full |entire |exact |original |hidden |secret |initial )?"
                            + "(?:system (?:prompt|message|instructions?)|initial (?:prompt|instructions)"
                            + "|hidden (?:prompt|instructions)|(?:secret|original) (?:prompt|instructions)|prompt above)\\b"
                            + "|\\bwhat (?:is|are|was|were) your (?:system prompt|initial instructions|hidden instructions"
                            + "|original instructions|instructions)\\b"
                            + "|\\brepeat (?:\\w+ ){0,3}?(?:words|text|everything) (?:above|before this)\\b"),
            InjectionRule.of("jailbreak-persona",
                    "\\b(?:do anything now|dan mode|stan mode|dude mode|aim mode|jailbreak(?:ed)? mode"
                            + "|developer mode (?:enabled|activated|on)|god mode (?:enabled|activated|on))\\b"
                            + "|\\b(?:you are|you're|act as|you will be|become) (?:now )?(?:a |an |in )?"
                            + "(?:dan|stan|jailbroken|unrestricted ai|unfiltered ai|uncensored ai|developer mode)\\b"),
            InjectionRule.of("role-play-override",
                    "\\b(?:pretend|imagine|act as if|roleplay|role-play|role play|from now on|you are now)"
                            + "(?: [\\w']+){0,6}? (?:no|without|free from|free of|not bound by|ignore|ignoring|any) "
                            + "(?:[\\w']+ ){0,2}?(?:restrictions|rules|filters|guidelines|limitations|policies|censorship"
                            + "|ethics|morals|constraints|safeguards)\\b"
                            + "|\\byou are no longer (?:bound|restricted|an ai|chatgpt|an assistant|limited)\\b"),
            InjectionRule.of("chat-template-tokens",
                    "<\\|im_start\\|>|<\\|im_end\\|>|<\\|system\\|>|\\[/?inst\\]|<<sys>>|<\\|endoftext\\|>"));

    private InjectionRules() {
    }
}
