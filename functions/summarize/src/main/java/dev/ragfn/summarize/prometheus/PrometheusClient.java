package dev.ragfn.summarize.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.summarize.analysis.Sample;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The part of Prometheus's HTTP API a summary needs: which metric names exist, and range queries.
 * Thanos Querier and OpenShift monitoring speak the same API.
 */
public final class PrometheusClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final Supplier<Optional<String>> bearerToken;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param bearerToken read before every request, so a rotated service-account token is picked up
     * @param verifyTls   false accepts any certificate and host name: for test clusters only
     */
    public PrometheusClient(URI baseUrl, Supplier<Optional<String>> bearerToken, boolean verifyTls, Duration timeout) {
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/");
        this.bearerToken = bearerToken;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (!verifyTls) {
            builder.sslContext(trustingEveryone());
        }
        this.http = builder.build();
    }

    /** The metric names that have samples matching any of {@code selectors} between start and end. */
    public Set<String> metricNames(List<String> selectors, Instant start, Instant end) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("start", seconds(start));
        params.put("end", seconds(end));
        StringBuilder query = new StringBuilder(form(params));
        selectors.forEach(s -> query.append("&match[]=").append(URLEncoder.encode(s, StandardCharsets.UTF_8)));
        JsonNode data = send(HttpRequest.newBuilder(baseUrl.resolve("api/v1/label/__name__/values?" + query)).GET(),
                "list metric names");
        Set<String> names = new TreeSet<>();
        data.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The series a range query returns, each with its labels and samples (NaN and ±Inf kept). */
    public List<RangeSeries> queryRange(String promql, Instant start, Instant end, Duration step) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", promql);
        params.put("start", seconds(start));
        params.put("end", seconds(end));
        params.put("step", step.toSeconds() + "s");
        JsonNode data = send(HttpRequest.newBuilder(baseUrl.resolve("api/v1/query_range"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))), "run query " + promql);
        if (!"matrix".equals(data.path("resultType").asText())) {
            throw PrometheusException.badQuery("query " + promql + " returned a " + data.path("resultType").asText()
                    + ", not a matrix");
        }
        List<RangeSeries> result = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            List<Sample> samples = new ArrayList<>();
            for (JsonNode point : series.path("values")) {
                samples.add(new Sample(Instant.ofEpochMilli(Math.round(point.get(0).asDouble() * 1000)),
                        parseValue(point.get(1).asText())));
            }
            result.add(new RangeSeries(labels, samples));
        }
        return result;
    }

    /** One series of a range query's result. */
    public record RangeSeries(Map<String, String> labels, List<Sample> samples) {
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        request.timeout(timeout).header("Accept", "application/json");
        bearerToken.get().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw PrometheusException.unavailable("Failed to " + what + ": Prometheus at " + baseUrl
                    + " is unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PrometheusException.unavailable("interrupted while waiting for Prometheus at " + baseUrl, e);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == 401 || status == 403) {
            throw PrometheusException.unavailable("Failed to " + what + ": Prometheus at " + baseUrl + " answered HTTP "
                    + status + "; check ragfn.summarize.bearer-token or bearer-token-file", null);
        }
        if (status == 400 || status == 422) {
            throw PrometheusException.badQuery("Failed to " + what + ": " + body.path("error").asText(response.body()));
        }
        if (status != 200 || !"success".equals(body.path("status").asText())) {
            throw PrometheusException.unavailable("Failed to " + what + ": Prometheus at " + baseUrl + " answered HTTP "
                    + status + ": " + body.path("error").asText(abbreviate(response.body())), null);
        }
        return body.path("data");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Prometheus writes special values as "NaN", "+Inf" and "-Inf". */
    static double parseValue(String value) {
        return switch (value) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private static String seconds(Instant instant) {
        return String.format(Locale.ROOT, "%.3f", instant.toEpochMilli() / 1000.0);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    /** Accepts every certificate and, being an extended trust manager, skips the host name check too. */
    private static SSLContext trustingEveryone() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }
}
