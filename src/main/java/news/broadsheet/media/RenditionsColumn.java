package news.broadsheet.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** The {@code media.renditions} column (jsonb) read by plain SQL, as the import and list queries read it. */
final class RenditionsColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Rendition>> TYPE = new TypeReference<>() {
    };

    private RenditionsColumn() {
    }

    static List<Rendition> read(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("media.renditions is not a list of renditions", e);
        }
    }
}
