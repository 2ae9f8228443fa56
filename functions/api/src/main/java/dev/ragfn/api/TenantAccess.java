package dev.ragfn.api;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Caller;
import dev.ragfn.runtime.auth.Role;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every route's first step: the caller, allowed {@code role} for the tenant the request names (with
 * identity, the token's tenant; without, the {@code tenant} query parameter). Everything a route reads
 * or writes afterwards is looked up within that tenant only.
 */
@ApplicationScoped
public class TenantAccess {

    private final Access access;

    public TenantAccess(Access access) {
        this.access = access;
    }

    public Caller require(Role role, String requestedTenant) {
        Caller caller = access.require(role, requestedTenant);
        Ids.name("tenant", caller.tenant());
        return caller;
    }

    /** The tenant the caller acts for. */
    public String tenant(Role role, String requestedTenant) {
        return require(role, requestedTenant).tenant();
    }
}
