package news.broadsheet.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The newsletters a subscriber may choose, by their names in the API. */
public enum Newsletter {
    DAILY("daily"), BREAKING("breaking"), WEEKLY("weekly"), OFFERS("offers");

    private final String wireName;

    Newsletter(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static Newsletter of(String name) {
        return Arrays.stream(values()).filter(n -> n.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of daily, breaking, weekly, offers"));
    }
}
