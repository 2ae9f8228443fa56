package dev.ragfn.core.port;

import dev.ragfn.core.domain.Conversion;
import dev.ragfn.core.error.InvalidInputException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A page of conversions, newest first, and where the next one starts (the last one's {@link #cursor}),
 * or null when there is none.
 */
public record ConversionPage(List<Conversion> conversions, String next) {

    /** A conversion's place in the list: its creation time as 15-digit epoch milliseconds, then its id. */
    private static final Pattern CURSOR = Pattern.compile("\\d{15}#[a-z0-9][a-z0-9_-]{0,62}");

    public ConversionPage {
        conversions = List.copyOf(conversions);
    }

    /** The page of {@code limit} among {@code matching}, which holds up to one more to tell whether a next page exists. */
    public static ConversionPage of(List<Conversion> matching, int limit) {
        if (matching.size() <= limit) {
            return new ConversionPage(matching, null);
        }
        List<Conversion> page = matching.subList(0, limit);
        return new ConversionPage(page, cursor(page.getLast()));
    }

    /**
     * The sortable key of a conversion's place in the list, the cursor of a page that ends with it: the
     * position alone, so a page after a cursor whose conversion is not there (another tenant's) starts
     * where it would be, as the lists of documents and summaries do.
     */
    public static String cursor(Conversion conversion) {
        return String.format("%015d", conversion.createdAt().toEpochMilli()) + "#" + conversion.id();
    }

    /** {@code value} as the cursor {@code field} of a list of conversions must be: a {@link #cursor}. */
    public static String checkedCursor(String field, String value) {
        if (value != null && !CURSOR.matcher(value).matches()) {
            throw new InvalidInputException(field + " must be the next of a previous page of conversions but was '"
                    + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'");
        }
        return value;
    }

    /** The conversion id of a {@link #cursor}. */
    public static String idPart(String cursor) {
        return cursor.substring(cursor.indexOf('#') + 1);
    }
}
