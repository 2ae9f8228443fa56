package dev.ragfn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a text/event-stream answer with java.net.http, event by event, as a browser would. */
public final class SseClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            // Without TLS, HTTP/2 would start as an h2c upgrade of the POST, which Vert.x refuses once the body is read.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public record Event(String name, String data) {

        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("event " + name + " does not carry JSON: " + data, e);
            }
        }
    }

    public record Stream(int status, String contentType, List<Event> events) {

        public List<String> tokens() {
            return events.stream().filter(e -> e.name().equals("token")).map(Event::data).toList();
        }

        public JsonNode done() {
            return events.stream().filter(e -> e.name().equals("done")).findFirst()
                    .orElseThrow(() -> new AssertionError("no done event in " + events)).json();
        }
    }

    private SseClient() {
    }

    public static Stream post(URI uri, Object body) throws IOException, InterruptedException {
        return post(uri, body, null);
    }

    /** The same as a caller who shows a bearer token (ragfn.auth.mode=oidc); none when it is null. */
    public static Stream post(URI uri, Object body, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest request = builder.build();
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        String name = "message";
        List<String> data = new ArrayList<>();
        List<String> lines = response.body().collect(Collectors.toList());
        if (response.statusCode() != 200) {
            // An error answers JSON, not a stream: keep it whole so assertions can show it.
            return new Stream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    List.of(new Event("body", String.join("\n", lines))));
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    events.add(new Event(name, String.join("\n", data)));
                }
                name = "message";
                data.clear();
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring("data:".length());
                data.add(value.startsWith(" ") ? value.substring(1) : value);
            }
        }
        if (!data.isEmpty()) {
            events.add(new Event(name, String.join("\n", data)));
        }
        return new Stream(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), events);
    }
}
