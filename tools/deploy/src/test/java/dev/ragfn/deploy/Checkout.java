package dev.ragfn.deploy;

import java.nio.file.Path;

/** The checkout under test: Surefire passes the root pom's {@code repo.root}; from this module it is two levels up. */
final class Checkout {

    static final Repository REPOSITORY = new Repository(Path.of(System.getProperty("repo.root", "../..")));

    private Checkout() {
    }
}
