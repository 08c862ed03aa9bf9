package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CORRECTION: the article was wrong and is now right; UPDATE: news was added since publication; "
        + "CLARIFICATION: the article was right but could be misread")
public enum CorrectionKind {
    CORRECTION, UPDATE, CLARIFICATION
}
