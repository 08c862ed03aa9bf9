package news.broadsheet.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The search language of {@code q}, read as PostgreSQL's websearch_to_tsquery reads it, so both engines find the same
 * articles: words are all required, {@code "a phrase"} matches its words in order, {@code -word} or
 * {@code -"a phrase"} excludes, and {@code or} separates alternatives, binding more loosely than the words around it
 * ({@code a b or c d} is {@code (a and b) or (c and d)}). Any text is accepted; what is not a word is left to the
 * analyzer, which drops it.
 *
 * @param alternatives an article matches when it matches any of them
 */
public record SearchSyntax(List<Alternative> alternatives) {

    /** A word (analyzed into one or more tokens, all required) or a phrase (its tokens in order). */
    public record Term(String text, boolean phrase) {

        /** Its words as the index's analyzer sees them before stemming: split at what is not a letter or digit, lower case, unaccented. */
        List<String> words() {
            String unaccented = DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            return Arrays.stream(NOT_A_WORD.split(unaccented.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty()).toList();
        }
    }

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

    /** Every required term matches and no excluded one does. */
    public record Alternative(List<Term> required, List<Term> excluded) {
        boolean isEmpty() {
            return required.isEmpty() && excluded.isEmpty();
        }
    }

    public static SearchSyntax parse(String query) {
        List<Alternative> alternatives = new ArrayList<>();
        Alternative current = new Alternative(new ArrayList<>(), new ArrayList<>());
        int i = 0;
        int length = query.length();
        while (i < length) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-' && i + 1 < length && !Character.isWhitespace(query.charAt(i + 1))) {
                negated = true;
                i++;
                c = query.charAt(i);
            }
            Term term;
            if (c == '"') {
                int close = query.indexOf('"', i + 1);
                term = new Term(query.substring(i + 1, close < 0 ? length : close), true);
                i = close < 0 ? length : close + 1;
            } else {
                int start = i;
                while (i < length && !Character.isWhitespace(query.charAt(i)) && query.charAt(i) != '"') {
                    i++;
                }
                term = new Term(query.substring(start, i), false);
                if (!negated && term.text().toLowerCase(Locale.ROOT).equals("or")) {
                    if (!current.isEmpty()) {
                        alternatives.add(current);
                        current = new Alternative(new ArrayList<>(), new ArrayList<>());
                    }
                    continue;
                }
            }
            if (!term.text().isBlank()) {
                (negated ? current.excluded() : current.required()).add(term);
            }
        }
        if (!current.isEmpty()) {
            alternatives.add(current);
        }
        return new SearchSyntax(alternatives);
    }

    /**
     * Without the terms made only of stop words, as PostgreSQL drops them: {@code the war} is {@code war}, and a query
     * of stop words alone has no alternatives left, so it finds nothing.
     */
    public SearchSyntax withoutStopWords(Set<String> stopWords) {
        Predicate<Term> meaningful = term -> !stopWords.containsAll(term.words());
        List<Alternative> kept = new ArrayList<>();
        for (Alternative alternative : alternatives) {
            Alternative left = new Alternative(alternative.required().stream().filter(meaningful).toList(),
                    alternative.excluded().stream().filter(meaningful).toList());
            if (!left.isEmpty()) {
                kept.add(left);
            }
        }
        return new SearchSyntax(kept);
    }

    /** Every word and phrase that a match may show, for ranking and highlights. */
    public List<Term> positiveTerms() {
        var terms = new LinkedHashSet<Term>();
        alternatives.forEach(alternative -> terms.addAll(alternative.required()));
        return List.copyOf(terms);
    }
}
