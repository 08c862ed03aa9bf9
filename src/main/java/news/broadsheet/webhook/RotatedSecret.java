package news.broadsheet.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "RotatedSecret", requiredProperties = {"secret", "previousSecretExpiresAt"})
public record RotatedSecret(
        @Schema(description = "The new signing secret, shown this once", examples = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD") String secret,
        @Schema(description = "Until then every delivery carries two signatures, with the new secret and the previous one, so "
                + "receivers can switch without losing a delivery") Instant previousSecretExpiresAt) {
}
