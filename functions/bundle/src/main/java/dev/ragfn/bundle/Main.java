package dev.ragfn.bundle;

import dev.ragfn.bundle.cli.Commands;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

import java.nio.file.Path;

/**
 * Without arguments, serves every function on one port (the local platform). With a command
 * (ingest, search, demo), runs it and exits; see {@link Commands}.
 */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Inject
    Commands commands;

    public static void main(String... args) {
        if (args.length > 0) {
            // A command must not take the server's port from a running bundle.
            System.setProperty("quarkus.http.port", "0");
            // A command runs and exits: no schedule fires meanwhile.
            System.setProperty("quarkus.scheduler.enabled", "false");
            // Commands print their own output; only problems should reach the log.
            System.setProperty("quarkus.log.level", System.getProperty("ragfn.cli.log-level", "WARN"));
            // Local file sources must lie under a root: the directory being ingested.
            if ((args[0].equals("ingest") || args[0].equals("bench-ingest")) && args.length > 1 || args[0].equals("demo")) {
                String dir = args.length > 1 && !args[1].startsWith("--") ? args[1] : "samples";
                System.setProperty("ragfn.ingest.local-root", Path.of(dir).toAbsolutePath().normalize().toString());
            }
        }
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return commands.run(args);
    }
}
