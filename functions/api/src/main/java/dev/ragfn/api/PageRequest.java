package dev.ragfn.api;

import dev.ragfn.core.error.InvalidInputException;
import dev.ragfn.core.port.DocumentPage;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The page a list route is asked for, read alike by every list: {@code limit} items (the configured
 * default when absent) after the cursor {@code after}, the {@code next} of the previous page.
 *
 * @param after null for the first page, else the cursor in the form its store keys it
 */
public record PageRequest(String after, int limit) {

    /**
     * Reads the query parameters {@code after} and {@code limit} of a list of {@code items}; {@code cursor}
     * checks the cursor as the list's store keys it (such as {@code Ids::id}).
     */
    static PageRequest of(String after, String limit, int defaultLimit, String items,
                          BiFunction<String, String, String> cursor) {
        return new PageRequest(after == null ? null : cursor.apply("after", after),
                limit == null ? defaultLimit : parse(limit, items));
    }

    /**
     * Refuses {@code limit=} or {@code after=} given without a value, which Quarkus REST hands a route as
     * absent: read so, an empty limit would be the default page size, and an empty cursor the first page
     * again, so a client that sends the last page's null {@code next} as {@code after=} would page forever.
     */
    static void refuseEmpty(String parameter, List<String> values) {
        if (!values.contains("")) {
            return;
        }
        if (parameter.equals("limit")) {
            throw new InvalidInputException("limit is empty: give a whole number between 1 and " + DocumentPage.MAX_LIMIT
                    + ", or leave limit out for the default page size");
        }
        if (parameter.equals("after")) {
            throw new InvalidInputException("after is empty: give the next of the previous page, or leave after out for "
                    + "the first page (the last page's next is null: there is no page after it)");
        }
    }

    private static int parse(String limit, String items) {
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit must be a whole number of " + items + " between 1 and "
                    + DocumentPage.MAX_LIMIT + " but was " + quote(limit));
        }
        return DocumentPage.validateLimit(value);
    }

    private static String quote(String value) {
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }
}
