package dev.ragfn.summarize.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, times and durations as reports show them: UTC, units attached, three significant digits. */
public final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    public static String value(double value, String unit) {
        return switch (unit) {
            case "ratio" -> number(value * 100) + " %";
            case "s" -> Math.abs(value) < 1 ? number(value * 1000) + " ms" : number(value) + " s";
            case "%" -> number(value) + " %";
            case "xid" -> "XID " + (value == Math.rint(value) ? String.valueOf((long) value) : number(value));
            default -> number(value) + " " + unit;
        };
    }

    public static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 0.01) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.2g", value);
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        return (minutes % 60 == 0 ? String.valueOf(minutes / 60) : number(minutes / 60.0)) + " h";
    }

    public static String pValue(double p) {
        return p < 0.0001 ? "p < 0.0001" : "p = " + String.format(Locale.ROOT, "%.4f", p);
    }
}
