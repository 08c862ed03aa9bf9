package news.broadsheet.media;

/** Examples for the OpenAPI document. */
final class MediaExamples {

    private MediaExamples() {
    }

    static final String MEDIA = """
            {"id": "0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10", "mimeType": "image/jpeg", "width": 4000, "height": 3000, "bytes": 2811904,
             "alt": "A tram crossing Rynok Square in the rain", "caption": "Trams ran again on Monday morning",
             "credit": "Hanna Łukasik / Broadsheet", "creator": "Hanna Łukasik", "focalPoint": {"x": 0.3, "y": 0.4},
             "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/original.jpg",
             "renditions": [{"name": "w320", "width": 320, "height": 240, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w320.jpg"},
              {"name": "w320", "width": 320, "height": 240, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w320.webp"},
              {"name": "w640", "width": 640, "height": 480, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w640.jpg"},
              {"name": "w640", "width": 640, "height": 480, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w640.webp"},
              {"name": "w960", "width": 960, "height": 720, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w960.jpg"},
              {"name": "w960", "width": 960, "height": 720, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w960.webp"},
              {"name": "w1280", "width": 1280, "height": 960, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w1280.jpg"},
              {"name": "w1280", "width": 1280, "height": 960, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w1280.webp"},
              {"name": "w1920", "width": 1920, "height": 1440, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w1920.jpg"},
              {"name": "w1920", "width": 1920, "height": 1440, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/w1920.webp"},
              {"name": "16x9-w320", "width": 320, "height": 180, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w320-4be1c2.jpg"},
              {"name": "16x9-w320", "width": 320, "height": 180, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w320-4be1c2.webp"},
              {"name": "16x9-w640", "width": 640, "height": 360, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w640-4be1c2.jpg"},
              {"name": "16x9-w640", "width": 640, "height": 360, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w640-4be1c2.webp"},
              {"name": "16x9-w960", "width": 960, "height": 540, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w960-4be1c2.jpg"},
              {"name": "16x9-w960", "width": 960, "height": 540, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w960-4be1c2.webp"},
              {"name": "16x9-w1280", "width": 1280, "height": 720, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w1280-4be1c2.jpg"},
              {"name": "16x9-w1280", "width": 1280, "height": 720, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w1280-4be1c2.webp"},
              {"name": "16x9-w1920", "width": 1920, "height": 1080, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w1920-4be1c2.jpg"},
              {"name": "16x9-w1920", "width": 1920, "height": 1080, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w1920-4be1c2.webp"},
              {"name": "4x3-w320", "width": 320, "height": 240, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w320-4be1c2.jpg"},
              {"name": "4x3-w320", "width": 320, "height": 240, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w320-4be1c2.webp"},
              {"name": "4x3-w640", "width": 640, "height": 480, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w640-4be1c2.jpg"},
              {"name": "4x3-w640", "width": 640, "height": 480, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w640-4be1c2.webp"},
              {"name": "4x3-w960", "width": 960, "height": 720, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w960-4be1c2.jpg"},
              {"name": "4x3-w960", "width": 960, "height": 720, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w960-4be1c2.webp"},
              {"name": "4x3-w1280", "width": 1280, "height": 960, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w1280-4be1c2.jpg"},
              {"name": "4x3-w1280", "width": 1280, "height": 960, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w1280-4be1c2.webp"},
              {"name": "4x3-w1920", "width": 1920, "height": 1440, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w1920-4be1c2.jpg"},
              {"name": "4x3-w1920", "width": 1920, "height": 1440, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/4x3-w1920-4be1c2.webp"},
              {"name": "1x1-w320", "width": 320, "height": 320, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w320-4be1c2.jpg"},
              {"name": "1x1-w320", "width": 320, "height": 320, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w320-4be1c2.webp"},
              {"name": "1x1-w640", "width": 640, "height": 640, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w640-4be1c2.jpg"},
              {"name": "1x1-w640", "width": 640, "height": 640, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w640-4be1c2.webp"},
              {"name": "1x1-w960", "width": 960, "height": 960, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w960-4be1c2.jpg"},
              {"name": "1x1-w960", "width": 960, "height": 960, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w960-4be1c2.webp"},
              {"name": "1x1-w1280", "width": 1280, "height": 1280, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w1280-4be1c2.jpg"},
              {"name": "1x1-w1280", "width": 1280, "height": 1280, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w1280-4be1c2.webp"},
              {"name": "1x1-w1920", "width": 1920, "height": 1920, "mimeType": "image/jpeg", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w1920-4be1c2.jpg"},
              {"name": "1x1-w1920", "width": 1920, "height": 1920, "mimeType": "image/webp", "url": "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/1x1-w1920-4be1c2.webp"}],
             "createdAt": "2026-11-24T09:30:00Z", "updatedAt": "2026-11-24T09:30:00Z"}""";

    static final String LIST = "{\"items\": [" + MEDIA + "], \"next\": null}";

    static final String PATCH = """
            {"alt": "A tram crossing Rynok Square in the rain", "focalPoint": {"x": 0.3, "y": 0.4}}""";

    static final String TOO_LARGE = """
            {"type": "urn:broadsheet:problem:upload-too-large", "title": "Request Entity Too Large", "status": 413,
             "detail": "The image is larger than the limit of 26214400 bytes (broadsheet.media.max-upload-size)", "instance": "/api/v1/media"}""";

    static final String TOO_MANY_PIXELS = """
            {"type": "urn:broadsheet:problem:image-too-large", "title": "Bad Request", "status": 400,
             "detail": "The image is 20000 x 20000 pixels; at most 50000000 pixels and 30000 on a side are taken", "instance": "/api/v1/media"}""";

    static final String SVG = """
            {"type": "urn:broadsheet:problem:unsupported-image-type", "title": "Unsupported Media Type", "status": 415,
             "detail": "SVG is not taken: it can carry scripts that would run on the site's origin. Send a PNG, JPEG, WebP or GIF",
             "instance": "/api/v1/media"}""";

    static final String IN_USE = """
            {"type": "urn:broadsheet:problem:media-in-use", "title": "Conflict", "status": 409,
             "detail": "The image is shown by article lviv-trams-run-again; remove it there first",
             "instance": "/api/v1/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10"}""";
}
