package dev.ragfn.convert;

import dev.ragfn.convert.discovery.Inventory;
import dev.ragfn.convert.discovery.RepoScanner;
import dev.ragfn.convert.pattern.GeneratedPattern;
import dev.ragfn.convert.pattern.PatternBuilder;
import dev.ragfn.convert.rules.Detection;
import dev.ragfn.convert.rules.RuleSet;
import dev.ragfn.convert.rules.RulesEngine;
import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.convert.source.RepoWalker;
import dev.ragfn.convert.source.SourceLimits;
import dev.ragfn.convert.source.SourceResolver;
import dev.ragfn.convert.source.SourceTree;
import dev.ragfn.runtime.net.AddressPolicy;

import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;
import java.util.Optional;

/**
 * The whole conversion, shared by the function and the command line so both give the same bytes:
 * resolve the source, list it within limits, discover, run the rules, build the pattern.
 */
public final class PatternConverter {

    private final SourceResolver resolver;
    private final RepoWalker walker;
    private final RepoScanner scanner;
    private final RulesEngine engine;
    private final PatternBuilder builder = new PatternBuilder();

    /** Reaches Git remotes on public addresses only, without S3. */
    public PatternConverter(SourceLimits limits, RuleSet rules, boolean allowLocalSources) {
        this(limits, rules, allowLocalSources, Optional.empty());
    }

    /** @param s3 the client that reads {@code s3://bucket/key} archives; without one they are refused */
    public PatternConverter(SourceLimits limits, RuleSet rules, boolean allowLocalSources, Optional<S3Client> s3) {
        this(limits, rules, allowLocalSources, s3,
                GitAccess.publicHttp(AddressPolicy.publicOnly(), allowLocalSources, GitAccess.READ_TIMEOUT));
    }

    /** @param git the Git remotes a source may name */
    public PatternConverter(SourceLimits limits, RuleSet rules, boolean allowLocalSources, Optional<S3Client> s3,
                            GitAccess git) {
        this.resolver = new SourceResolver(limits, allowLocalSources, s3, git);
        this.walker = new RepoWalker(limits);
        this.scanner = new RepoScanner(limits);
        this.engine = new RulesEngine(rules);
    }

    /**
     * @param source a Git URL, an s3://bucket/key archive, a .zip/.tar.gz archive or a folder
     * @param ref    branch or tag for Git sources
     * @param name   pattern name; derived from the source when empty
     */
    public GeneratedPattern convert(String source, Optional<String> ref, Optional<String> name) {
        return convert(source, ref, name, Optional.empty());
    }

    /** @param patternRepoUrl the repository the pattern is pushed to, for pattern-metadata.yaml's repo_url and issues_url */
    public GeneratedPattern convert(String source, Optional<String> ref, Optional<String> name, Optional<String> patternRepoUrl) {
        try (SourceTree tree = resolver.resolve(source, ref)) {
            Inventory inventory = scanner.scan(tree.root(), walker.walk(tree.root()));
            List<Detection> detections = engine.evaluate(inventory.facts(), inventory.texts());
            return builder.build(tree.root(), name.filter(n -> !n.isBlank()).orElse(tree.name()), tree.repoUrl(), patternRepoUrl,
                    inventory, detections);
        }
    }
}
