package dev.ragfn.core.port;

import dev.ragfn.core.domain.Conversion;

import java.util.List;

/** A page of conversions, newest first, and where the next one starts (the last one's id), or null when there is none. */
public record ConversionPage(List<Conversion> conversions, String next) {

    public ConversionPage {
        conversions = List.copyOf(conversions);
    }

    /** The page of {@code limit} among {@code matching}, which holds up to one more to tell whether a next page exists. */
    public static ConversionPage of(List<Conversion> matching, int limit) {
        if (matching.size() <= limit) {
            return new ConversionPage(matching, null);
        }
        List<Conversion> page = matching.subList(0, limit);
        return new ConversionPage(page, page.getLast().id());
    }
}
