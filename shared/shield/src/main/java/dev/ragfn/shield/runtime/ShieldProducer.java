package dev.ragfn.shield.runtime;

import dev.ragfn.shield.Shield;
import dev.ragfn.shield.guard.GuardModel;
import dev.ragfn.shield.guard.OpenAiCompatibleGuardModel;
import dev.ragfn.shield.policy.DefaultPolicy;
import dev.ragfn.shield.policy.PolicyCatalog;
import dev.ragfn.shield.policy.PolicyDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/** CDI wiring: one {@link Shield} per process, for the shield function and for chat-turn's inline checks. */
@ApplicationScoped
public class ShieldProducer {

    @Produces
    @Singleton
    Shield shield(ShieldConfig config) {
        PolicyCatalog policies = config.policyDir()
                .<PolicyCatalog>map(PolicyDirectory::new)
                .orElseGet(() -> PolicyCatalog.single(DefaultPolicy.load()));
        Optional<GuardModel> guard = config.guard().url().map(url ->
                new OpenAiCompatibleGuardModel(url, config.guard().model(), config.guard().apiKey(), config.guard().timeout()));
        return new Shield(policies, guard);
    }
}
