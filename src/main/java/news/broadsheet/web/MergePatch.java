package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import news.broadsheet.web.problem.MalformedBody;

import java.io.StringReader;

/**
 * RFC 7396 JSON Merge Patch, applied with JSON-P's implementation to the resource's input form;
 * the result is read and validated exactly like a full replacement, so PATCH and PUT cannot disagree.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Validator validator;

    MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @throws InvalidInput when the patch is not a JSON object or the patched result is invalid
     * @throws JsonProcessingException (mapped to 400) when the result has unknown fields or wrong types
     */
    public <T> T apply(T current, String patch, Class<T> inputType) throws JsonProcessingException {
        if (patch != null && !patch.isBlank()) {
            json.readTree(patch); // Jackson first: it holds any body to StrictJson's limits (nesting, size) as it reads
        }
        JsonValue patchValue = parse(patch);
        if (patchValue.getValueType() != JsonValue.ValueType.OBJECT) {
            throw MalformedBody.json("A merge patch must be a JSON object");
        }
        JsonValue target = parse(json.writeValueAsString(current));
        JsonValue patched = Json.createMergePatch(patchValue).apply(target);
        T result = json.readValue(patched.toString(), inputType);
        var violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static JsonValue parse(String text) {
        if (text == null || text.isBlank()) {
            throw MalformedBody.json("The merge patch is empty");
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            var location = e.getLocation();
            throw MalformedBody.json("The request body is not valid JSON" + (location == null ? ""
                    : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber()));
        } catch (JsonException e) {
            throw MalformedBody.json("The request body is not valid JSON");
        }
    }
}
