package news.broadsheet.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** q read as PostgreSQL's websearch_to_tsquery reads it, so that both engines find the same articles. */
class SearchSyntaxTest {

    private static SearchSyntax.Term word(String text) {
        return new SearchSyntax.Term(text, false);
    }

    private static SearchSyntax.Term phrase(String text) {
        return new SearchSyntax.Term(text, true);
    }

    private static SearchSyntax.Alternative all(List<SearchSyntax.Term> required, List<SearchSyntax.Term> excluded) {
        return new SearchSyntax.Alternative(required, excluded);
    }

    @Test
    void orSeparatesAlternativesOfWordsThatAreAllRequired() {
        // websearch_to_tsquery('a b or c d') is 'a' & 'b' | 'c' & 'd'
        assertEquals(List.of(all(List.of(word("tram"), word("strike")), List.of()), all(List.of(word("bus")), List.of())),
                SearchSyntax.parse("tram strike OR bus").alternatives());
    }

    @Test
    void phrasesAndExclusionsBelongToTheirAlternative() {
        assertEquals(List.of(all(List.of(word("council"), phrase("night trains")), List.of(word("budget"), phrase("bus lane")))),
                SearchSyntax.parse("council \"night trains\" -budget -\"bus lane\"").alternatives());
    }

    @Test
    void whatIsNotAQueryIsLeftToTheAnalyzer() {
        assertEquals(List.of(), SearchSyntax.parse("or or  or").alternatives());
        assertEquals(List.of(all(List.of(phrase("unclosed phrase")), List.of())), SearchSyntax.parse("\"unclosed phrase").alternatives());
        assertEquals(List.of(all(List.of(word("-")), List.of())), SearchSyntax.parse("-").alternatives());
        assertEquals(List.of(word("a"), word("b")), SearchSyntax.parse("a or b or a").positiveTerms());
    }

    @Test
    void termsOfStopWordsAloneAreDroppedAndAlternativesLeftEmptyWithThem() {
        Set<String> stop = Set.of("the", "of", "he", "don", "t");
        assertEquals(List.of(all(List.of(word("war"), phrase("the fall of Rome")), List.of())),
                SearchSyntax.parse("The war \"the fall of Rome\" -the -\"of the\"").withoutStopWords(stop).alternatives());
        assertEquals(List.of(all(List.of(), List.of(word("budget")))),
                SearchSyntax.parse("he -budget or The OF").withoutStopWords(stop).alternatives());
        assertEquals(List.of(), SearchSyntax.parse("he don't !!!").withoutStopWords(stop).alternatives());
        assertEquals(List.of(), SearchSyntax.parse("Thé").withoutStopWords(stop).alternatives()); // the analyzer folds accents
    }
}
