package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Request JSON is read as typed: a value of the wrong JSON type is refused (400 naming the field), never coerced, so
 * {@code "title": 123}, {@code "featured": "true"}, {@code "position": 2.5}, {@code "status": 1} and a time given as a
 * number all fail. Strings may not hold U+0000, which PostgreSQL text cannot store.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final Map<LogicalType, Set<CoercionInputShape>> REFUSED = Map.of(
            LogicalType.Textual, Set.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean),
            LogicalType.Boolean, Set.of(CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float),
            LogicalType.Integer, Set.of(CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean),
            LogicalType.Float, Set.of(CoercionInputShape.String, CoercionInputShape.Boolean),
            LogicalType.Enum, Set.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean),
            LogicalType.DateTime, Set.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean));

    /** Last, after Quarkus has registered its modules (java.time among them), so these deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        REFUSED.forEach((type, shapes) -> shapes.forEach(shape -> mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail)));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.registerModule(new StrictModule());
    }

    private static final class StrictModule extends SimpleModule {
        StrictModule() {
            super("broadsheet-strict-json");
            addDeserializer(String.class, new FromStringsOnly<>(String.class, StrictJson::withoutNul));
            // Jackson would read a number as seconds since 1970
            addDeserializer(Instant.class, new FromStringsOnly<>(Instant.class, InstantDeserializer.INSTANT::deserialize));
        }
    }

    private static String withoutNul(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            return (String) context.handleWeirdStringValue(String.class, value, "must not contain the NUL character (U+0000)");
        }
        return value;
    }

    private interface Reader<T> {
        T read(JsonParser parser, DeserializationContext context) throws IOException;
    }

    /** A value read from a JSON string and nothing else: a number, boolean, array or object in its place is refused. */
    private static final class FromStringsOnly<T> extends StdScalarDeserializer<T> {
        private final transient Reader<T> reader;

        FromStringsOnly(Class<T> type, Reader<T> reader) {
            super(type);
            this.reader = reader;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return reader.read(parser, context);
        }
    }
}
