package dev.ragfn.convert;

import dev.ragfn.core.event.EventData;

/**
 * The data of a {@code dev.ragfn.conversion.requested} event.
 *
 * @param source       a Git URL, an s3://bucket/key archive (with ragfn.convert.s3-region), or, where allowed, a folder or
 *                     .zip/.tar.gz archive
 * @param ref          branch or tag to clone; the default branch when null
 * @param name         pattern name; derived from the source when null
 * @param archive      whether the result also carries the pattern as a base64 zip
 * @param pushUrl      Git repository to push the pattern to as a new branch (needs ragfn.convert.push-enabled)
 * @param branch       the branch to create there
 * @param conversionId the conversion to record this as (the management API's id); null takes one from the event's
 *                     source and id, so a redelivered event finds the conversion its first delivery recorded
 * @param tenant       the tenant where the event carries none (EventBridge hands a function the data only); the
 *                     event's tenant extension wins, and ragfn.convert.tenant applies when neither names one
 */
@EventData
public record ConversionRequest(String source, String ref, String name, boolean archive, String pushUrl, String branch,
                                String conversionId, String tenant) {
}
