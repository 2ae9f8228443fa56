package dev.ragfn.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Signature Version 4 checked the way the service checks it, written from the published
 * algorithm and independent of the AWS SDK's signer: the canonical request is rebuilt from the
 * bytes that arrived (method, path, query, the signed headers, the body's SHA-256), hashed into the
 * string to sign, and signed with the key derived from the secret, the date, region and service.
 */
public final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final String accessKeyId;
    private final String secretKey;
    private final String region;
    private final String service;
    private final Clock clock;

    public SigV4Verifier(String accessKeyId, String secretKey, String region, String service, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
        this.clock = clock;
    }

    /** What the request claimed, and why it is refused (null when the signature holds). */
    public record Verdict(String signedHeaders, String refusal) {
        public boolean valid() {
            return refusal == null;
        }
    }

    /**
     * @param headers request headers by lower-case name, each with every value received
     * @param rawPath the path as sent (still percent-encoded)
     * @param rawQuery the query as sent, or null
     */
    public Verdict verify(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization");
        if (authorization == null) {
            return new Verdict("", "missing Authorization header");
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return new Verdict("", "malformed Authorization header: " + authorization);
        }
        String signedHeaders = m.group(5);
        String date = m.group(2);
        if (!m.group(1).equals(accessKeyId)) {
            return new Verdict(signedHeaders, "unknown access key " + m.group(1));
        }
        if (!m.group(3).equals(region) || !m.group(4).equals(service)) {
            return new Verdict(signedHeaders, "credential scope " + m.group(3) + "/" + m.group(4) + ", expected "
                    + region + "/" + service);
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            return new Verdict(signedHeaders, "host and x-amz-date must be signed");
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null || !amzDate.startsWith(date)) {
            return new Verdict(signedHeaders, "x-amz-date " + amzDate + " does not match the scope date " + date);
        }
        Instant sent = Instant.from(AMZ_DATE.parse(amzDate));
        if (Duration.between(sent, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            return new Verdict(signedHeaders, "x-amz-date " + amzDate + " is too far from now");
        }
        String payloadHash = hex(sha256(body));
        String declaredHash = first(headers, "x-amz-content-sha256");
        if (declaredHash != null && !declaredHash.equals(payloadHash)) {
            return new Verdict(signedHeaders, "x-amz-content-sha256 does not match the body received");
        }
        String canonicalRequest = String.join("\n", method, canonicalPath(rawPath), canonicalQuery(rawQuery),
                canonicalHeaders(signed, headers), signedHeaders, payloadHash);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return new Verdict(signedHeaders, "The request signature we calculated does not match the signature you"
                    + " provided. Check your AWS Secret Access Key and signing method.");
        }
        return new Verdict(signedHeaders, null);
    }

    /** Every segment URI-encoded once more (all services but S3 encode the path twice). */
    private static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = pairs.stream().map(p -> p[0] + "=" + p[1]).toList();
        return String.join("&", joined);
    }

    private static String canonicalHeaders(List<String> signed, Map<String, List<String>> headers) {
        StringBuilder out = new StringBuilder();
        for (String name : signed) {
            List<String> values = headers.getOrDefault(name, List.of());
            List<String> trimmed = values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList();
            out.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return out.toString();
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX in upper case. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Percent-decoding only: a '+' in a signed query is a plus, not a space. */
    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
