package dev.ragfn.convert;

import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.runtime.net.AddressPolicy;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * For test profiles that enable it: conversions may reach Git servers on 127.0.0.1, where tests
 * run theirs; every other non-public address stays refused, and the production bean is untouched.
 */
@Alternative
@Singleton
public class LoopbackGitAccess {

    @Produces
    @Alternative
    @Singleton
    GitAccess gitAccess(ConvertConfig config) {
        return GitAccess.publicHttp(AddressPolicy.publicOnly().allowingLoopback(), config.allowLocalSources(),
                config.gitReadTimeout());
    }
}
