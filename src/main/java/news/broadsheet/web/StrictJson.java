package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
 * number all fail. Strings may hold no character that XML 1.0 cannot carry (control characters but tab, line feed and
 * carriage return; U+FFFE, U+FFFF; lone surrogates), so what is stored can always be served in a feed; U+0000 is one of
 * them, which PostgreSQL text cannot store either. Parsing stops at {@link #LIMITS}, so no body, however built, makes
 * the service hold more than those while it reads.
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

    /** Far above any valid request (an article is under 200 values), far below what hurts the heap. */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxTokenCount(10_000)
            .maxStringLength(2_000_000)
            .maxNumberLength(100)
            .build();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        REFUSED.forEach((type, shapes) -> shapes.forEach(shape -> mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail)));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.registerModule(new StrictModule());
    }

    private static final class StrictModule extends SimpleModule {
        StrictModule() {
            super("broadsheet-strict-json");
            addDeserializer(String.class, new FromStringsOnly<>(String.class, StrictJson::xmlCharactersOnly));
            // Jackson would read a number as seconds since 1970
            addDeserializer(Instant.class, new FromStringsOnly<>(Instant.class, InstantDeserializer.INSTANT::deserialize));
        }
    }

    private static String xmlCharactersOnly(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        int refused = value == null ? -1 : firstCharacterXmlCannotCarry(value);
        if (refused >= 0) {
            // the message is the problem's, word for word (Problems): it names the character, never the value
            throw InvalidFormatException.from(parser, "must not contain the character U+%04X%s"
                    .formatted(refused, refused < 0x20 ? " (a control character)" : ""), null, String.class);
        }
        return value;
    }

    /** The first code point XML 1.0 refuses (a lone surrogate counts as its own value), or -1. */
    public static int firstCharacterXmlCannotCarry(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r' || c >= 0xE000 && c <= 0xFFFD) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return c;
        }
        return -1;
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
