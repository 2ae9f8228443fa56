package dev.ragfn.shield.policy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which policy applies to a tenant and knowledge base. */
public interface PolicyCatalog {

    /** The most specific policy: the knowledge base's, else the tenant's, else the default. Null arguments mean none. */
    ShieldPolicy policyFor(String tenant, String knowledgeBase);

    /** The policy stored under {@code name} ("tenant/name" for a tenant's own), if there is one. */
    default Optional<ShieldPolicy> named(String name) {
        return Optional.empty();
    }

    /** Every policy, so they can all be checked at start-up rather than on the first request that needs one. */
    Collection<ShieldPolicy> all();

    /** One policy for everyone. */
    static PolicyCatalog single(ShieldPolicy policy) {
        return new PolicyCatalog() {
            @Override
            public ShieldPolicy policyFor(String tenant, String knowledgeBase) {
                return policy;
            }

            @Override
            public Collection<ShieldPolicy> all() {
                return List.of(policy);
            }
        };
    }
}
