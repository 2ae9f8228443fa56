package dev.ragfn.core.error;

/**
 * The caller may not do what it asked: it proved no identity ({@link Kind#UNAUTHENTICATED}, HTTP 401),
 * or its identity does not allow this ({@link Kind#FORBIDDEN}, HTTP 403: another tenant, a missing
 * role, another user's session). Nothing has been read or written when it is thrown.
 */
public class AccessDeniedException extends RagfnException {

    private AccessDeniedException(Kind kind, String message) {
        super(kind, message, null);
    }

    public static AccessDeniedException unauthenticated(String message) {
        return new AccessDeniedException(Kind.UNAUTHENTICATED, message);
    }

    public static AccessDeniedException forbidden(String message) {
        return new AccessDeniedException(Kind.FORBIDDEN, message);
    }
}
