package news.broadsheet.media;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;

import java.util.List;
import java.util.UUID;

/** The public URLs of stored files: {@code broadsheet.media.url}/{id}/{file}, this service's /media or a CDN before it. */
@ApplicationScoped
public class MediaAddresses {

    private final String base;

    MediaAddresses(BroadsheetConfig config) {
        this.base = config.media().url().replaceAll("/+$", "");
    }

    public String url(UUID media, String file) {
        return base + "/" + media + "/" + file;
    }

    public List<RenditionView> renditions(UUID media, List<Rendition> renditions) {
        return renditions.stream()
                .map(r -> new RenditionView(r.name(), r.width(), r.height(), r.mimeType(), url(media, r.file())))
                .toList();
    }
}
