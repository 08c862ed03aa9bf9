package news.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

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
    }

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

    /** Every word and phrase that a match may show, for ranking and highlights. */
    public List<Term> positiveTerms() {
        var terms = new LinkedHashSet<Term>();
        alternatives.forEach(alternative -> terms.addAll(alternative.required()));
        return List.copyOf(terms);
    }
}
