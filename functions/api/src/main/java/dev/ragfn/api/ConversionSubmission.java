package dev.ragfn.api;

import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.runtime.net.AddressPolicy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A repository to convert, as a user submits it: checked here by the rules convert applies, so a URL
 * convert would refuse is a 400 at once rather than a FAILED conversion later. Credentials in the
 * URL are refused: the request is stored and shown to every admin of the tenant.
 *
 * @param repository an https:// Git URL; where allowed, a local folder, archive or file:// URL
 * @param ref        branch or tag; the default branch when null
 * @param name       the pattern's name; derived from the repository when null
 */
public record ConversionSubmission(String repository, String ref, String name) {

    private static final int MAX_URL_LENGTH = 2_048;
    private static final int MAX_REF_LENGTH = 255;

    /** Refuses what convert would refuse, naming the problem; {@code policy} judges a URL's host. */
    ConversionSubmission checked(AddressPolicy policy, boolean allowLocal) {
        String url = Ids.id("repository", repository).strip();
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("repository must be at most " + MAX_URL_LENGTH + " characters but has " + url.length());
        }
        if (ref != null && (ref.isBlank() || ref.length() > MAX_REF_LENGTH || ref.startsWith("-")
                || ref.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
            throw new InvalidInputException("ref must be a branch or tag name (at most " + MAX_REF_LENGTH
                    + " characters, no spaces, not starting with '-') but was '" + ref + "'");
        }
        if (name != null) {
            Ids.name("name", name);
        }
        String scheme = scheme(url);
        switch (scheme) {
            case "https", "http" -> checkRemote(url, policy);
            case "file", "local" -> {
                if (!allowLocal) {
                    throw new InvalidInputException("repository must be an https:// Git URL; local folders, archives "
                            + "and file:// URLs are not accepted here (ragfn.api.allow-local-conversion-sources=false)");
                }
            }
            default -> throw new InvalidInputException("repository '" + url + "' is not accepted: use an https:// Git URL ("
                    + scheme + " remotes are not reached by convert)");
        }
        return new ConversionSubmission(url, ref, name);
    }

    private static void checkRemote(String url, AddressPolicy policy) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("repository is not a valid URL: " + e.getMessage());
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("repository must not carry credentials (user:password@): it is stored and "
                    + "shown to the tenant's admins; convert reads public repositories");
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException("repository '" + url + "' names no host");
        }
        policy.vet(uri.getHost());
    }

    /** The URL's scheme, "scp-style" for user@host:path, or "local" for a path. */
    private static String scheme(String url) {
        int colon = url.indexOf("://");
        if (colon > 0) {
            return url.substring(0, colon).toLowerCase(Locale.ROOT);
        }
        return url.matches("^[\\w.-]+@[\\w.-]+:.*") ? "scp-style" : "local";
    }
}
