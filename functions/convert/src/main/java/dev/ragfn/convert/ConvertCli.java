package dev.ragfn.convert;

import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.rules.RuleLoader;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.convert.source.S3Source;
import dev.ragfn.convert.source.SourceLimits;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.RagfnException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line: {@code convert <source> --out <dir> [--push <git-url> --branch <name>] [--ref <ref>] [--name <name>]
 * [--rules <dir>]}.
 * Runs the same {@link PatternConverter} as the function, with local sources and any Git remote allowed.
 */
public final class ConvertCli {

    private static final String USAGE = "usage: convert <source> (--out <dir> | --push <git-url> --branch <name>)"
            + " [--ref <branch|tag>] [--name <pattern>] [--rules <dir>]";

    /** The operator runs the command on their own machine: any remote and scheme they can reach. */
    private static final GitAccess GIT = GitAccess.anyRemote(GitAccess.READ_TIMEOUT);

    private ConvertCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** An S3 client from the default AWS chains (AWS_REGION, AWS_PROFILE, credentials files, instance roles). */
    private static S3Client s3Client() {
        try {
            return S3Client.create();
        } catch (SdkException e) {
            throw new InvalidInputException("Cannot read S3 sources: " + e.getMessage() + " (set AWS_REGION and AWS credentials)", e);
        }
    }

    /** Returns the exit code: 0 converted, 1 refused input, 2 usage error, 3 internal error (a converter bug). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String source = null;
        Path outDir = null;
        Optional<String> ref = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<Path> rules = Optional.empty();
        String pushUrl = null;
        String branch = null;
        int i = 0;
        if (args.length > 0 && args[0].equals("convert")) {
            i++;
        }
        for (; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (a) {
                case "--out" -> outDir = hasValue ? Path.of(args[++i]) : null;
                case "--ref" -> ref = hasValue ? Optional.of(args[++i]) : ref;
                case "--name" -> name = hasValue ? Optional.of(args[++i]) : name;
                case "--rules" -> rules = hasValue ? Optional.of(Path.of(args[++i])) : rules;
                case "--push" -> pushUrl = hasValue ? args[++i] : null;
                case "--branch" -> branch = hasValue ? args[++i] : null;
                default -> {
                    if (a.startsWith("--") || source != null) {
                        err.println("unexpected argument '" + a + "'\n" + USAGE);
                        return 2;
                    }
                    source = a;
                }
            }
        }
        if (source == null || outDir == null && pushUrl == null || (pushUrl == null) != (branch == null)) {
            err.println(USAGE);
            return 2;
        }
        try {
            SourceLimits limits = SourceLimits.defaults();
            GeneratedPattern pattern;
            try (S3Client s3 = S3Source.isS3Url(source) ? s3Client() : null) {
                pattern = new PatternConverter(limits, new RuleLoader(limits.regexTimeout()).load(rules), true, Optional.ofNullable(s3),
                        GIT).convert(source, ref, name, Optional.ofNullable(pushUrl));
            }
            if (outDir != null) {
                PatternFiles.writeTo(pattern, outDir);
                out.println((pattern.nothingToConvert() ? "Nothing to convert; report written to " : "Pattern '" + pattern.name() + "' written to ")
                        + outDir + " (" + pattern.files().size() + " files, see conversion-report.md)");
            }
            if (pushUrl != null) {
                if (pattern.nothingToConvert()) {
                    err.println("convert: nothing to convert, nothing pushed");
                    return 1;
                }
                out.println("Pattern '" + pattern.name() + "' pushed to " + pushUrl + " as branch " + branch + " (commit "
                        + GitPublisher.pushAsBranch(pattern, pushUrl, branch, GIT, limits.cloneTimeout()) + ")");
            }
            return 0;
        } catch (RagfnException e) {
            err.println("convert: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // Not the input's fault: the user should not look for a problem in their repository.
            err.println("convert: internal error (" + e + "); please report it with the source that caused it");
            e.printStackTrace(err);
            return 3;
        }
    }
}
