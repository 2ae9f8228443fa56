package dev.ragfn.shield.policy;

/** The policy that applies when no file names a tenant or knowledge base: {@code shield/default-policy.yaml}. */
public final class DefaultPolicy {

    public static final String RESOURCE = "shield/default-policy.yaml";

    private DefaultPolicy() {
    }

    public static ShieldPolicy load() {
        return PolicyParser.readResource(RESOURCE, "built-in default");
    }
}
