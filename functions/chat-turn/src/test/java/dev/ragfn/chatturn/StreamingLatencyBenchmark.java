package dev.ragfn.chatturn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ragfn.testing.OpenAiServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Time to the first streamed token: the packaged chat-turn application (started here as a process) against a
 * local OpenAI-protocol model that streams OpenAI-like tokens at a fixed rate. For each turn, the moment the
 * client reads its first {@code token} event is compared with the moment the model wrote its first token, on the
 * one clock of this JVM (the model server runs here too). Prints p50/p99 of that delay, and the application's
 * RSS at the end. Command in benchmarks/README.md.
 *
 * <p>Arguments: {@code --pace-ms 20 --turns 200 --concurrency 1}.
 */
public final class StreamingLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tokens as OpenAI's tokenizer cuts English: a word with its leading space. */
    private static final List<String> TOKENS = List.of("Employees", " get", " 25", " days", " of", " paid", " vacation",
            " per", " year", " [", "1", "].", " Unused", " days", " carry", " over", " until", " March", " [", "1", "].");

    private StreamingLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Model servers (vLLM's uvicorn) send each token at once; the JDK's HttpServer, under OpenAiServer, holds a
        // small write back until the last one is acknowledged (Nagle's algorithm) unless told not to.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        long pace = Long.parseLong(arg(args, "--pace-ms", "20"));
        int turns = Integer.parseInt(arg(args, "--turns", "200"));
        int concurrency = Integer.parseInt(arg(args, "--concurrency", "1"));
        Path jar = Path.of(arg(args, "--jar", "functions/chat-turn/target/quarkus-app/quarkus-run.jar"));

        StreamingModel data = new StreamingModel();
        Map<String, String> config = data.start();
        OpenAiServer model = StreamingModel.MODEL;
        model.pace(pace);
        model.answer(request -> new OpenAiServer.Text(TOKENS));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createTempFile("chat-turn-bench", ".log");
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            awaitReady(http, URI.create("http://127.0.0.1:" + port + "/q/health/ready"), app, log);
            URI stream = URI.create("http://127.0.0.1:" + port + "/chat/stream");
            String body = JSON.writeValueAsString(ChatStreamShieldIT.request("How many vacation days do employees get per year?"));
            for (int i = 0; i < 20; i++) {
                firstToken(http, stream, body);
            }
            List<Double> delays = new ArrayList<>();
            List<Double> firsts = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int done = 0; done < turns; done += concurrency) {
                    List<Future<long[]>> batch = new ArrayList<>();
                    int before = model.firstTextNanos().size();
                    for (int c = 0; c < concurrency; c++) {
                        batch.add(clients.submit(() -> firstToken(http, stream, body)));
                    }
                    List<Long> clientFirst = new ArrayList<>();
                    for (Future<long[]> each : batch) {
                        long[] times = each.get(60, TimeUnit.SECONDS);
                        clientFirst.add(times[1]);
                        firsts.add((times[1] - times[0]) / 1e6);
                    }
                    // Streams run together: pair the n-th first token out of the model with the n-th read.
                    List<Long> modelFirst = new ArrayList<>(model.firstTextNanos().subList(before, before + concurrency));
                    Collections.sort(modelFirst);
                    Collections.sort(clientFirst);
                    for (int c = 0; c < concurrency; c++) {
                        delays.add((clientFirst.get(c) - modelFirst.get(c)) / 1e6);
                    }
                }
            }
            System.out.printf("pace %d ms/token, %d turns, concurrency %d%n", pace, turns, concurrency);
            System.out.printf("first token event after the model's first token: p50 %.1f ms, p99 %.1f ms%n",
                    percentile(delays, 50), percentile(delays, 99));
            System.out.printf("first token event after the request: p50 %.1f ms, p99 %.1f ms%n",
                    percentile(firsts, 50), percentile(firsts, 99));
            System.out.printf("application RSS %s%n", rss(app.pid()));
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
            http.close();
            data.stop();
        }
    }

    /** When the request went out and when its first token event was read, in nanoTime; reads the stream to its end. */
    private static long[] firstToken(HttpClient http, URI stream, String body) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(stream).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        long first = 0;
        HttpResponse<InputStream> response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (first == 0 && line.startsWith("event:") && line.substring(6).strip().equals("token")) {
                    first = System.nanoTime();
                }
            }
        }
        if (first == 0) {
            throw new IllegalStateException("no token event in the answer");
        }
        return new long[] {start, first};
    }

    private static void awaitReady(HttpClient http, URI ready, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("chat-turn did not start; its log: " + Files.readString(log));
    }

    private static String rss(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).strip()).findFirst().orElse("?");
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
