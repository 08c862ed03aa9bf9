package news.broadsheet.web.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Names of invalid fields as the client wrote them: {@code heroImage.url}, {@code tags[2]}, or a query parameter's name. */
final class FieldPaths {

    private FieldPaths() {
    }

    /** One error per field and message, in a stable order. */
    static List<FieldError> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new FieldError(of(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    static String of(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        boolean beanParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                beanParameter = true;
                name.append(node.getName());
                continue;
            }
            if (beanParameter) {
                // a request body parameter: the client knows its fields, not our parameter's name
                name.setLength(0);
                beanParameter = false;
            }
            if (node.getIndex() != null && !name.isEmpty()) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.toString();
    }

    /** Where in a JSON body Jackson stopped; empty at the top level. */
    static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a field of this type expects, in the words of the API guide. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 time such as 2026-11-24T09:30:00Z";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
