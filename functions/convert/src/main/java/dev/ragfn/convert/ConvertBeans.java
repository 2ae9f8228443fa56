package dev.ragfn.convert;

import dev.ragfn.convert.source.GitAccess;
import dev.ragfn.runtime.net.AddressPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The Git remotes a deployed convert function reaches: http(s) on public addresses only. */
public class ConvertBeans {

    @Produces
    @Singleton
    GitAccess gitAccess(ConvertConfig config) {
        return GitAccess.publicHttp(AddressPolicy.publicOnly(), config.allowLocalSources(), config.gitReadTimeout());
    }
}
