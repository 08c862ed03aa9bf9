package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PreviewLink", description = "A new preview link: the token is shown this once and kept only as a hash",
        requiredProperties = {"url", "token", "expiresAt"})
public record PreviewLinkView(
        @Schema(description = "The article's address with the token, for anyone to open without a token of the API",
                examples = "https://news.example/api/v1/articles/lviv-s-trams-run-again-after-the-storm?preview=pQx0sV9b2mKJ7c1yT4wZ8nR3dF6hL5eA0uG2iO9kB1s")
        String url,
        @Schema(description = "256 random bits, base64url", examples = "pQx0sV9b2mKJ7c1yT4wZ8nR3dF6hL5eA0uG2iO9kB1s") String token,
        @Schema(examples = "2026-11-25T09:30:00Z") Instant expiresAt) {
}
