package dev.ragfn.shield.detect.secret;

import dev.ragfn.shield.Category;
import dev.ragfn.shield.ShieldRequest;
import dev.ragfn.shield.detect.Detector;
import dev.ragfn.shield.detect.Finding;
import dev.ragfn.shield.detect.GrowingText;
import dev.ragfn.shield.detect.OpenMatches;
import dev.ragfn.shield.detect.StreamedDetection;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM private keys (PKCS#1, PKCS#8, EC, DSA, OpenSSH, encrypted, PGP). The finding runs from the
 * BEGIN line to the matching END line, or to the end of the text when an answer was cut short;
 * the end is found with indexOf rather than a lazy regex so a text of many BEGIN lines stays linear.
 */
public final class PrivateKeyDetector implements Detector {

    private static final Pattern BEGIN = Pattern.compile(
            "-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----");

    @Override
    public String id() {
        return "private-key";
    }

    @Override
    public Category category() {
        return Category.SECRET;
    }

    @Override
    public List<Finding> detect(ShieldRequest request) {
        String text = request.text();
        List<Finding> findings = new ArrayList<>();
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            String endLine = "-----END " + begin.group(1) + "-----";
            int endAt = text.indexOf(endLine, begin.end());
            int end = endAt < 0 ? text.length() : endAt + endLine.length();
            findings.add(new Finding(begin.start(), end, "PEM private key"));
            from = end;
        }
        return findings;
    }

    /**
     * A key with its END line is settled; one without is settled in its start (the stream may stop there, it
     * is a key whatever follows) but not its end; a BEGIN line still being written is not settled at all.
     */
    @Override
    public int settled(ShieldRequest request) {
        String text = request.text();
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        while (from < text.length() && begin.find(from)) {
            String endLine = "-----END " + begin.group(1) + "-----";
            int endAt = text.indexOf(endLine, begin.end());
            if (endAt < 0) {
                return begin.start() + 1;
            }
            from = endAt + endLine.length();
        }
        return OpenMatches.firstOpenAttempt(BEGIN.matcher(text), Math.min(from, text.length()));
    }

    /** Reads on from the last key's END line, or, inside a key, only the new text where its END line may be. */
    @Override
    public StreamedDetection streamed(ShieldRequest request) {
        return new StreamedDetection() {
            private final List<Finding> certain = new ArrayList<>();
            /** Where the search for the next BEGIN line goes on: no key begins before it but those found. */
            private int from;
            private int openKey = -1;
            private String endLine;
            private int endSearchFrom;

            @Override
            public Progress advance(GrowingText text) {
                int length = text.length();
                while (true) {
                    if (openKey >= 0) {
                        text.scanned(length - endSearchFrom);
                        int endAt = text.indexOf(endLine, endSearchFrom);
                        if (endAt < 0) {
                            endSearchFrom = Math.max(endSearchFrom, length - endLine.length() + 1);
                            List<Finding> all = new ArrayList<>(certain);
                            all.add(new Finding(openKey, length, "PEM private key"));
                            return new Progress(all, openKey + 1);
                        }
                        from = endAt + endLine.length();
                        certain.add(new Finding(openKey, from, "PEM private key"));
                        openKey = -1;
                    }
                    text.scanned(length - from);
                    Matcher begin = BEGIN.matcher(text.text());
                    if (from < length && begin.find(from)) {
                        openKey = begin.start();
                        endLine = "-----END " + begin.group(1) + "-----";
                        endSearchFrom = begin.end();
                        continue;
                    }
                    text.scanned(length - from);
                    from = OpenMatches.firstOpenAttempt(BEGIN.matcher(text.text()), Math.min(from, length));
                    return new Progress(List.copyOf(certain), from);
                }
            }
        };
    }
}
