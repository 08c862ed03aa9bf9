package news.broadsheet.media;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The point of an image that crops keep in view, as fractions of its width and height from the top left. */
@Schema(name = "FocalPoint", description = "What crops keep in view: fractions of the width and height from the top left corner; "
        + "the centre when never set")
public record FocalPoint(
        @Schema(examples = "0.3", minimum = "0", maximum = "1", required = true) @NotNull @DecimalMin("0") @DecimalMax("1") Double x,
        @Schema(examples = "0.4", minimum = "0", maximum = "1", required = true) @NotNull @DecimalMin("0") @DecimalMax("1") Double y) {

    static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);
}
