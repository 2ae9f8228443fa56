package dev.ragfn.convert.pattern;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Paths inside a source repository (relative, '/'-separated, the root being the empty string), and
 * the parts of a Git URL or an image name that say which repository it is.
 */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The deepest folder that holds every path of {@code paths}. */
    static String commonAncestor(Collection<String> paths) {
        String common = null;
        for (String dir : paths) {
            if (common == null) {
                common = dir;
                continue;
            }
            while (!common.isEmpty() && !(dir.equals(common) || dir.startsWith(common + "/"))) {
                common = parent(common);
            }
        }
        return common == null ? "" : common;
    }

    /** {@code a/b/../c} as {@code a/c}; a path that climbs above the root keeps its leading {@code ..}. */
    static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    static boolean sameRepository(String a, String b) {
        return FrameworkFiles.browsable(a).replaceAll("/+$", "").equalsIgnoreCase(FrameworkFiles.browsable(b).replaceAll("/+$", ""));
    }

    static String imageRepository(String image) {
        String withoutDigest = image.replaceFirst("@.*$", "");
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    static boolean under(String path, String dir) {
        return dir.isEmpty() || path.startsWith(dir + "/");
    }

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    static String rel(String base, String dir) {
        String r = base.isEmpty() ? dir : dir.substring(base.length());
        return r.isEmpty() || r.startsWith("/") ? r : "/" + r;
    }

    static String display(String dir) {
        return dir.isEmpty() ? "." : dir;
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String last(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
