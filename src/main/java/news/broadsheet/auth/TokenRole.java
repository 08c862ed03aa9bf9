package news.broadsheet.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Set;

/** What a token may do: editors write content, admins also manage tokens, subscribers and section deletion. */
public enum TokenRole {
    EDITOR(Roles.EDITOR, Set.of(Roles.EDITOR)),
    ADMIN(Roles.ADMIN, Set.of(Roles.ADMIN, Roles.EDITOR));

    private final String name;
    private final Set<String> grants;

    TokenRole(String name, Set<String> grants) {
        this.name = name;
        this.grants = grants;
    }

    @JsonValue
    public String wireName() {
        return name;
    }

    /** The security roles a token of this role holds: admin includes editor. */
    Set<String> grants() {
        return grants;
    }

    @JsonCreator
    public static TokenRole of(String name) {
        return Arrays.stream(values()).filter(role -> role.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be editor or admin"));
    }
}
