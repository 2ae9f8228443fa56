package dev.ragfn.bundle.cli;

import dev.ragfn.core.error.RagfnException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The bundle's command line: small commands over the same services the functions use. */
@ApplicationScoped
public class Commands {

    private static final String USAGE = """
            usage: ragfn                                   serve every function on http://127.0.0.1:8080
                   ragfn ingest <dir> [--tenant T] [--kb KB] ingest the files of a directory
                   ragfn search <text> [--tenant T] [--kb KB] [--k N]
                   ragfn ask <question> [--tenant T] [--kb KB]  answer with citations, as chat-turn does
                   ragfn demo [<dir>]                      ingest the samples, then answer questions on them
                   ragfn bench-ingest <dir> [--docs N]     generate N documents in <dir>, warm up, ingest
                                                           them, compare with the embedding model alone
                   ragfn check [--repair] [--tenant T] [--kb KB]
                                                           compare store and index (every knowledge base of
                                                           the tenant without --kb); --repair makes them agree
            """;
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("repair");

    private final BulkIngest bulkIngest;
    private final Search search;
    private final Ask ask;
    private final IngestBenchmark benchmark;
    private final Check check;
    private final PrintStream out = System.out;

    public Commands(BulkIngest bulkIngest, Search search, Ask ask, IngestBenchmark benchmark, Check check) {
        this.bulkIngest = bulkIngest;
        this.search = search;
        this.ask = ask;
        this.benchmark = benchmark;
        this.check = check;
    }

    public int run(String... args) {
        Map<String, String> options = new HashMap<>();
        List<String> positional = parse(args, options);
        String tenant = options.getOrDefault("tenant", "local");
        String kb = options.getOrDefault("kb", "samples");
        try {
            return switch (positional.isEmpty() ? "" : positional.getFirst()) {
                case "ingest" -> positional.size() == 2
                        ? bulkIngest.run(Path.of(positional.get(1)), tenant, kb).exitCode() : usage();
                case "search" -> positional.size() >= 2
                        ? search.run(String.join(" ", positional.subList(1, positional.size())), tenant, kb,
                        Integer.parseInt(options.getOrDefault("k", "3"))) : usage();
                case "ask" -> positional.size() >= 2
                        ? ask.run(String.join(" ", positional.subList(1, positional.size())), tenant, kb) : usage();
                case "bench-ingest" -> positional.size() == 2
                        ? benchmark.run(Path.of(positional.get(1)), Integer.parseInt(options.getOrDefault("docs", "1000")),
                        tenant, options.getOrDefault("kb", "bench")) : usage();
                case "check" -> positional.size() == 1
                        ? check.run(tenant, options.get("kb"), options.containsKey("repair")) : usage();
                case "demo" -> demo(positional.size() > 1 ? Path.of(positional.get(1)) : Path.of("samples"), tenant, kb);
                default -> usage();
            };
        } catch (RagfnException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int demo(Path samples, String tenant, String kb) {
        BulkIngest.Report report = bulkIngest.run(samples, tenant, kb);
        for (String question : List.of("How many vacation days do employees get?",
                "How do I rotate the database credentials?", "What does the on-call engineer do first?")) {
            out.println();
            out.println("Q: " + question);
            ask.run(question, tenant, kb);
        }
        return report.exitCode();
    }

    private int usage() {
        System.err.print(USAGE);
        return 2;
    }

    private static List<String> parse(String[] args, Map<String, String> options) {
        List<String> positional = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && FLAGS.contains(args[i].substring(2))) {
                options.put(args[i].substring(2), "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return positional;
    }
}
