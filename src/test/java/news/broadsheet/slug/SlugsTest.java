package news.broadsheet.slug;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kastuś Kalinoŭski|kastus-kalinouski",
            "Łódź|lodz",
            "Straße|strasse",
            "Zürich and Kraków|zurich-and-krakow",
            "São Paulo: 3 días|sao-paulo-3-dias",
            "Київ|kiiv",
            "Ελλάδα|ellada",
            "  --Hello,   World!--  |hello-world",
            "Œuvre Æsir|oeuvre-aesir",
    })
    void transliteratesToAscii(String text, String slug) {
        assertEquals(Optional.of(slug), Slugs.derive(text));
    }

    @Test
    void nothingLeftGivesNoSlug() {
        assertEquals(Optional.empty(), Slugs.derive("!!! ???"));
        assertEquals(Optional.empty(), Slugs.derive(""));
    }

    @Test
    void longTitlesAreCutAtAWordWithinTheLimit() {
        String slug = Slugs.derive("word ".repeat(60)).orElseThrow();
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertTrue(Slugs.isValid(slug));
        assertFalse(slug.endsWith("-"));
    }

    @Test
    void firstFreeAddsTheFirstUnusedNumber() {
        Set<String> taken = Set.of("budget", "budget-2");
        assertEquals("budget-3", Slugs.firstFree("budget", taken::contains));
        assertEquals("vote", Slugs.firstFree("vote", taken::contains));
        String longest = "a".repeat(Slugs.MAX_LENGTH);
        String next = Slugs.firstFree(longest, s -> s.equals(longest));
        assertEquals(Slugs.MAX_LENGTH, next.length());
        assertTrue(next.endsWith("-2"));
    }

    @Test
    void validityFollowsTheContract() {
        assertTrue(Slugs.isValid("a-1-b"));
        assertFalse(Slugs.isValid("A"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("-a"));
        assertFalse(Slugs.isValid("a".repeat(121)));
    }
}
