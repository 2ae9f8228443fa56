package dev.ragfn.runtime.auth;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Keeps bearer tokens out of the log, whatever a library writes at DEBUG (quarkus-oidc prints a token
 * it could not verify): a token in the log is a credential anyone who reads the log can replay.
 * Installed on the console and file handlers by META-INF/microprofile-config.properties.
 */
@LoggingFilter(name = "ragfn-redact-tokens")
public final class TokenRedaction implements Filter {

    /** A compact JWS or JWT: base64url header and payload that start as JSON objects, then the signature (empty for alg none). */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null && JWT.matcher(message).find()) {
                ext.setMessage(redact(message), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    static String redact(String text) {
        return JWT.matcher(text).replaceAll("[token redacted]");
    }
}
