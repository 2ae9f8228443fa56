package dev.ragfn.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Credentials for a local server in place of AWS (DynamoDB protocol, S3-compatible), set by an endpoint override. */
public final class LocalCredentials {

    private LocalCredentials() {
    }

    /** Local servers accept any signature; credentials in the environment still win, for a real endpoint. */
    public static AwsCredentialsProvider unlessInEnvironment() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
