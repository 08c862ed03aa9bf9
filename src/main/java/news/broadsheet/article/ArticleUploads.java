package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.NotSupportedException;
import news.broadsheet.web.Utf8;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.MalformedBody;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an article from a request body: JSON, or a Markdown story whose YAML front matter carries the fields
 * (the Markdown after it is the body, byte for byte). Both end as one validated {@link ArticleInput}.
 */
@ApplicationScoped
class ArticleUploads {

    static final String MARKDOWN = "text/markdown";

    /** "---", the YAML, then a line of "---" or "..."; the body starts after that line's end. */
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?---[ \\t]*\\r?\\n(.*?)^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)",
            Pattern.DOTALL | Pattern.MULTILINE);

    private final ObjectMapper json;
    private final YAMLMapper yaml = new YAMLMapper();
    private final Validator validator;

    ArticleUploads(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    ArticleInput read(String contentType, byte[] body) throws JsonProcessingException {
        if (body == null || body.length == 0) {
            throw MalformedBody.json("The request body is empty");
        }
        if (contentType != null && contentType.toLowerCase().startsWith(MARKDOWN)) {
            return validated(fromMarkdown(Utf8.decode(body).orElseThrow(() -> MalformedBody.markdown("A Markdown story must be UTF-8"))));
        }
        if (contentType == null || contentType.toLowerCase().startsWith("application/json")) {
            return fromJson(body);
        }
        throw new NotSupportedException();
    }

    /** One article as JSON (a request body, an import line), read and validated; Jackson refuses bytes that are not UTF-8. */
    ArticleInput fromJson(byte[] body) throws JsonProcessingException {
        ArticleInput input;
        try {
            input = json.readValue(body, ArticleInput.class);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw MalformedBody.json("The JSON could not be read");
        }
        if (input == null) {
            throw MalformedBody.json("Expected a JSON object, found null");
        }
        return validated(input);
    }

    private ArticleInput validated(ArticleInput input) {
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private ArticleInput fromMarkdown(String story) throws JsonProcessingException {
        Matcher matcher = FRONT_MATTER.matcher(story);
        if (!matcher.find()) {
            throw MalformedBody.markdown("A Markdown story starts with YAML front matter between two '---' lines, "
                    + "with at least title and section; the Markdown after it is the body");
        }
        JsonNode fields;
        try {
            fields = matcher.group(1).isBlank() ? json.createObjectNode() : yaml.readTree(matcher.group(1));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw MalformedBody.markdown("The front matter is not valid YAML" + (location == null ? ""
                    : " at line " + (location.getLineNr() + 1) + ", column " + location.getColumnNr()));
        }
        if (!(fields instanceof ObjectNode frontMatter)) {
            throw MalformedBody.markdown("The front matter must be a YAML mapping of field names to values");
        }
        if (frontMatter.has("body")) {
            throw new InvalidInput("body", "is the Markdown after the front matter, not a front-matter field");
        }
        frontMatter.set("body", TextNode.valueOf(story.substring(matcher.end())));
        return json.treeToValue(frontMatter, ArticleInput.class);
    }
}
