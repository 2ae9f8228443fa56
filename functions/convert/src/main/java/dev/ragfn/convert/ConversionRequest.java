package dev.ragfn.convert;

import dev.ragfn.core.event.EventData;

/**
 * The data of a {@code dev.ragfn.conversion.requested} event.
 *
 * @param source  a Git URL, an s3://bucket/key archive (with ragfn.convert.s3-region), or, where allowed, a folder or
 *                .zip/.tar.gz archive
 * @param ref     branch or tag to clone; the default branch when null
 * @param name    pattern name; derived from the source when null
 * @param archive whether the result also carries the pattern as a base64 zip
 * @param pushUrl Git repository to push the pattern to as a new branch (needs ragfn.convert.push-enabled)
 * @param branch  the branch to create there
 */
@EventData
public record ConversionRequest(String source, String ref, String name, boolean archive, String pushUrl, String branch) {
}
