package dev.ragfn.bundle;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link ConcurrentVersions} on the embedded defaults: Lucene and MVStore. */
@QuarkusTest
@WithTestResource(value = FakeChatModel.class, scope = TestResourceScope.GLOBAL)
class ConcurrentVersionsTest extends ConcurrentVersions {

    @Override
    protected int rounds() {
        return 50;
    }
}
