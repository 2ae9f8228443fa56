package dev.ragfn.shield.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A JWT's header and payload each decode to a whole JSON object, and the header names its algorithm. */
final class JwtRules {

    private JwtRules() {
    }

    static boolean hasJsonHeader(String token) {
        String[] segments = token.split("\\.", 3);
        String header = jsonObject(segments[0]);
        return header != null && header.contains("\"alg\"") && segments.length > 1 && jsonObject(segments[1]) != null;
    }

    private static String jsonObject(String segment) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8).strip();
            return json.startsWith("{") && json.endsWith("}") ? json : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
