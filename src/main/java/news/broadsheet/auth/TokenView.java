package news.broadsheet.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Token", description = "An API token without its secret", requiredProperties = {"id", "name", "role", "createdAt"})
public record TokenView(
        @Schema(examples = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID id,
        @Schema(examples = "night desk import script") String name,
        @Schema(enumeration = {"editor", "admin"}, examples = "editor") TokenRole role,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant createdAt,
        @Schema(description = "Last use, to within a minute; null if never used", examples = "2026-11-25T06:12:00Z") Instant lastUsedAt) {

    static TokenView from(ApiToken token) {
        return new TokenView(token.id, token.name, token.role, token.createdAt, token.lastUsedAt);
    }
}
