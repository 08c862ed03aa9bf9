package news.broadsheet.web.caching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;
import news.broadsheet.web.problem.StaleVersion;

/**
 * Strong entity tags computed from what a representation is made of (ids and row versions), so a tag is known
 * before anything is rendered; and the If-Match / If-None-Match comparisons of RFC 9110.
 */
public final class ETags {

    private ETags() {
    }

    /** The quoted tag for a representation built from these parts, e.g. an article's id, version and section version. */
    public static String of(Object... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Arrays.toString(parts).getBytes(StandardCharsets.UTF_8));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tag without its quotes, as JAX-RS's EntityTag and opaque version fields take it. */
    public static String unquoted(String tag) {
        return tag.substring(1, tag.length() - 1);
    }

    /**
     * Throws {@link StaleVersion} unless an {@code If-Match} header (absent: no condition) matches the current tag;
     * {@code current} is null when the resource does not exist. Weak tags never match (strong comparison).
     */
    public static void requireMatch(String ifMatch, String current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        if (current == null) {
            throw new StaleVersion("There is no " + what + " here to match If-Match: " + ifMatch.strip());
        }
        if (!matches(ifMatch, current)) {
            throw new StaleVersion("The " + what + " has changed since you read it (its ETag is now " + current
                    + "); GET it again and reapply your change");
        }
    }

    /**
     * The tag of a representation made of a resource's own state and of other content it shows (a collection and its
     * articles): {@code "own.shown"}, so a read revalidates against both and a write ({@link #requireOwnMatch}) only
     * against what editors of the resource itself changed.
     */
    public static String twoPart(String own, String shown) {
        return "\"" + unquoted(own) + "." + unquoted(shown) + "\"";
    }

    /** {@link #requireMatch} against a resource's own tag, taking the first part of {@link #twoPart} tags in the header. */
    public static void requireOwnMatch(String ifMatch, String currentOwn, String what) {
        requireMatch(ifMatch == null ? null : Arrays.stream(ifMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("\"") && tag.indexOf('.') > 0 ? tag.substring(0, tag.indexOf('.')) + "\"" : tag)
                .collect(Collectors.joining(", ")), currentOwn, what);
    }

    /** Throws {@link StaleVersion} when {@code If-None-Match: *} asks to create only, but the resource exists. */
    public static void requireAbsent(String ifNoneMatch, boolean exists, String what) {
        if (ifNoneMatch != null && exists && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains("\""))) {
            throw new StaleVersion("The " + what + " already exists, and If-None-Match asked to create it only");
        }
    }

    /** If-None-Match compares weakly: {@code W/"x"} matches {@code "x"}. */
    public static boolean matchesWeakly(String header, String current) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String header, String current) {
        for (String candidate : header.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
