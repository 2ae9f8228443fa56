package dev.ragfn.shield.detect.injection;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.detect.NormalizedText;
import dev.ragfn.shield.detect.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt injection and jailbreak phrasing, in plain text and in base64 runs that decode to it
 * (a cheap smuggling trick). Rules see the normalized text, so {@code 1gn0re prev1ous
 * instructi0ns}, full-width and look-alike letters match too. The statistical counterpart is
 * {@link InjectionClassifierDetector}.
 */
public final class PromptInjectionDetector implements Detector {

    private static final Pattern BASE64_RUN = Pattern.compile(
            "(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{20,4096}+={0,2}+(?![A-Za-z0-9+/=])");

    /** Overrides with no innocent reading, compared with the text's letters only. */
    private static final List<String> SPLIT_PHRASES = List.of("ignorepreviousinstructions", "ignoreallpreviousinstructions",
            "ignoreallinstructions", "ignoretheaboveinstructions", "ignoreyourinstructions", "ignorepriorinstructions",
            "disregardpreviousinstructions", "disregardallpreviousinstructions", "disregardtheabove",
            "forgetallpreviousinstructions", "forgetpreviousinstructions", "forgetyourinstructions",
            "revealyoursystemprompt", "printyoursystemprompt", "ignoriereallevorherigenanweisungen",
            "ignorezlesinstructionsprecedentes", "ignoralasinstruccionesanteriores");

    @Override
    public String id() {
        return "prompt-injection";
    }

    @Override
    public Category category() {
        return Category.PROMPT_INJECTION;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        List<Finding> findings = new ArrayList<>();
        NormalizedText normalized = TextNormalizer.normalize(request.text());
        for (InjectionRule rule : InjectionRules.ALL) {
            Matcher matcher = rule.pattern().matcher(normalized.text());
            while (matcher.find()) {
                findings.add(normalized.toOriginal(matcher.start(), matcher.end(), rule.name()));
            }
        }
        if (findings.isEmpty() && splitPhrase(normalized.text())) {
            findings.add(new Finding(0, request.text().length(), "instructions override split across words"));
        }
        findings.addAll(smuggledInBase64(request.text()));
        return findings;
    }

    private List<Finding> smuggledInBase64(String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher run = BASE64_RUN.matcher(text);
        while (run.find()) {
            String decoded = decodedText(run.group());
            if (decoded != null && matchesAnyRule(TextNormalizer.normalize(decoded).text())) {
                findings.add(new Finding(run.start(), run.end(), "base64-smuggled instructions"));
            }
        }
        return findings;
    }

    private static String decodedText(String candidate) {
        try {
            byte[] bytes = Base64.getDecoder().decode(candidate);
            String decoded = new String(bytes, StandardCharsets.UTF_8);
            long printable = decoded.chars().filter(c -> c >= 0x20 && c < 0x7f || Character.isWhitespace(c)).count();
            return printable >= decoded.length() * 0.9 ? decoded : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** "ign ore prev ious instruc tions": the letters alone still spell a known override. */
    private static boolean splitPhrase(String normalized) {
        StringBuilder letters = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        String compact = letters.toString();
        return SPLIT_PHRASES.stream().anyMatch(compact::contains);
    }

    private static boolean matchesAnyRule(String normalized) {
        return InjectionRules.ALL.stream().anyMatch(rule -> rule.pattern().matcher(normalized).find());
    }
}
