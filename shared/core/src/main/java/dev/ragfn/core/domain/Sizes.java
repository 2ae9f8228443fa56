package dev.ragfn.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Byte sizes as stores count them (UTF-8), for limits checked before anything is written. */
public final class Sizes {

    private Sizes() {
    }

    public static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static long utf8(Map<String, String> map) {
        long total = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            total += utf8(e.getKey()) + utf8(e.getValue());
        }
        return total;
    }

    public static long utf8(List<String> list) {
        long total = 0;
        for (String s : list) {
            total += utf8(s);
        }
        return total;
    }
}
