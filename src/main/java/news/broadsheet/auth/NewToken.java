package news.broadsheet.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "NewToken", description = "A token just created, with its secret: shown this once, never again",
        requiredProperties = {"id", "name", "role", "token", "createdAt"})
public record NewToken(
        @Schema(examples = "7c9e6679-7425-40de-944b-e07fc1f90ae7") UUID id,
        @Schema(examples = "night desk import script") String name,
        @Schema(enumeration = {"editor", "admin"}, examples = "editor") TokenRole role,
        @Schema(description = "The secret: send it as 'Authorization: Bearer <token>'",
                examples = "bst_q3Zr4yX0m1S8cJ2vT6nW9pL5bD7fH0kA3eR8uY1iO2g") String token,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant createdAt) {
}
