package dev.ragfn.s3;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.error.StoreUnavailableException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What S3's refusals mean for the submission: whether a later delivery can succeed, and what to fix if not. */
final class S3Failures {

    private S3Failures() {
    }

    /** 5xx, throttling and request timeouts may pass; any other 4xx is an answer about this request. */
    static RagfnException of(String what, S3Exception e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String answer = "S3 answered " + status + (code == null || code.isBlank() ? "" : " " + code);
        if (status >= 500 || status == 408 || status == 429) {
            return new StoreUnavailableException("Could not read " + what + ": " + answer + "; the delivery will be retried", e);
        }
        if (status == 404) {
            return notFound(what, e);
        }
        if (status == 401 || status == 403) {
            return new InvalidInputException("S3 refused to read " + what + " (" + answer + "): grant s3:GetObject on it "
                    + "to the credentials ragfn runs with, or check that they are valid and for the bucket's region", e);
        }
        return new InvalidInputException("S3 refused to read " + what + " (" + answer + "): " + e.getMessage(), e);
    }

    /** NoSuchKey, NoSuchBucket, or a bare 404 (a response to HEAD, or from an S3-compatible store). */
    static NotFoundException notFound(String what, Throwable cause) {
        return new NotFoundException(what + " does not exist: check the bucket and the key", cause);
    }

    static RagfnException noCredentials(String what, Throwable cause) {
        return new InvalidInputException("Cannot read " + what + ": no AWS credentials found. The default chain looks for "
                + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (environment, or the aws.accessKeyId and aws.secretAccessKey "
                + "system properties), AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, a profile in ~/.aws/credentials "
                + "(AWS_PROFILE), container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI) and the EC2 "
                + "instance metadata service; set one of these, or point the function's s3-endpoint setting "
                + "(ragfn.ingest.s3-endpoint, ragfn.convert.s3-endpoint) at an S3-compatible store. "
                + "(" + cause.getMessage() + ")", cause);
    }
}
