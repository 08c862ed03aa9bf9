package news.broadsheet.slug;

import com.ibm.icu.text.Transliterator;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** URL slugs: {@code [a-z0-9]+(-[a-z0-9]+)*}, at most 120 characters, transliterated from any script. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;
    public static final String RULE = "a lower-case slug: letters a-z, digits and single hyphens, at most 120 characters";

    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern VALID = Pattern.compile(PATTERN);
    // transliterators are not thread-safe and costly to build: one per thread
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** "Łódź" -> "lodz", "Straße" -> "strasse"; empty when nothing of the text survives. */
    public static Optional<String> derive(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String ascii = TO_ASCII.get().transliterate(text);
        String slug = NOT_SLUG.matcher(ascii).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-[a-z0-9]*$", "");
        }
        return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
    }

    /** The base itself when free, else {@code base-2}, {@code base-3}, ... kept within the length limit. */
    public static String firstFree(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "") : base;
            String candidate = stem + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
