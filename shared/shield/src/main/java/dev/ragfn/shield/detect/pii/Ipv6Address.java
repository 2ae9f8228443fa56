package dev.ragfn.shield.detect.pii;

/**
 * Parses the textual forms of RFC 4291 (full, compressed with {@code ::}, with a trailing
 * IPv4 part) without regular expressions, so clock times and MAC addresses are not mistaken
 * for addresses.
 */
final class Ipv6Address {

    private Ipv6Address() {
    }

    static boolean isValid(String candidate) {
        int compression = candidate.indexOf("::");
        if (compression != candidate.lastIndexOf("::")) {
            return false;
        }
        if (compression < 0) {
            Integer groups = countGroups(candidate);
            return groups != null && groups == 8;
        }
        String head = candidate.substring(0, compression);
        String tail = candidate.substring(compression + 2);
        Integer headGroups = head.isEmpty() ? Integer.valueOf(0) : countGroups(head);
        Integer tailGroups = tail.isEmpty() ? Integer.valueOf(0) : countGroups(tail);
        return headGroups != null && tailGroups != null && headGroups + tailGroups <= 7
                && !(head.isEmpty() && tail.isEmpty());
    }

    /** Groups in a colon-separated part, a trailing IPv4 part counting two; null if malformed. */
    private static Integer countGroups(String part) {
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (last && group.contains(".")) {
                if (!isIpv4(group)) {
                    return null;
                }
                count += 2;
            } else if (isHexGroup(group)) {
                count++;
            } else {
                return null;
            }
        }
        return count;
    }

    private static boolean isHexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return false;
        }
        return group.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
