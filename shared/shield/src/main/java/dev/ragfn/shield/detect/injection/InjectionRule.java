package dev.ragfn.shield.detect.injection;

import java.util.regex.Pattern;

/**
 * One family of prompt-injection phrasing, matched against normalized text (lower case, single
 * spaces, leetspeak folded). Quantifiers between words are bounded so matching stays linear.
 */
record InjectionRule(String name, Pattern pattern) {

    static InjectionRule of(String name, String regex) {
        return new InjectionRule(name, Pattern.compile(regex));
    }
}
