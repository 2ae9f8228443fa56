package dev.ragfn.shield.detect.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A JWT's first segment decodes to a JSON header naming its algorithm. */
final class JwtRules {

    private JwtRules() {
    }

    static boolean hasJsonHeader(String token) {
        String header = token.substring(0, token.indexOf('.'));
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
            return json.startsWith("{") && json.contains("\"alg\"");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
