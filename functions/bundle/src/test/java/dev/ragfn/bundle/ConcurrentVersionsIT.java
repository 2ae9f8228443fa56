package dev.ragfn.bundle;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConcurrentVersions} on the cloud stores: a real OpenSearch node and a real DynamoDB-protocol server. */
@QuarkusTest
@TestProfile(RealServersProfile.class)
@WithTestResource(value = FakeChatModel.class, scope = TestResourceScope.GLOBAL)
class ConcurrentVersionsIT extends ConcurrentVersions {

    @Override
    protected int rounds() {
        return 10;
    }
}
