package news.broadsheet;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every {@code broadsheet.*} key an operator may set; the README lists them. */
@ConfigMapping(prefix = "broadsheet")
public interface BroadsheetConfig {

    /** The bootstrap admin token ({@code BROADSHEET_ADMIN_TOKEN}); without it the service is read-only. */
    Optional<String> adminToken();

    SampleContent sampleContent();

    Limits limits();

    Site site();

    Cache cache();

    Cors cors();

    /** Browsers on other origins: the frontends that call the API from their pages. */
    interface Cors {
        /**
         * The frontends' origins ({@code https://news.example}), comma-separated; {@code /regex/} entries match by pattern
         * and {@code *} any origin. Other origins still read public content, without a CORS grant.
         */
        Optional<List<String>> origins();

        /** How long a browser may reuse a preflight's answer. */
        @WithDefault("24h")
        Duration preflightMaxAge();
    }

    Search search();

    Demo demo();

    /** The reference frontend in demo/, served at /demo/ (dev mode). */
    interface Demo {
        /** The folder of the demo site's files; unset: not served. */
        Optional<String> directory();
    }

    interface Search {
        /**
         * How many of the newest articles whose title, subtitle or summary match a relevance list ranks; the other
         * matches follow, newest first. Bounds the cost of a search whatever the number of matches.
         */
        @WithDefault("1000")
        int rankedCandidates();

        /**
         * What answers {@code q}: {@code postgres} (the database's full-text search, nothing to set up) or
         * {@code opensearch} (an OpenSearch cluster, for archives that outgrow it; articles are still read from the
         * database).
         */
        @WithDefault("postgres")
        Engine engine();

        enum Engine { POSTGRES, OPENSEARCH }

        OpenSearch opensearch();
    }

    /** The OpenSearch cluster of {@code broadsheet.search.engine=opensearch}. */
    interface OpenSearch {
        /** The cluster's HTTP addresses, comma-separated ({@code https://search-1:9200,https://search-2:9200}). */
        @WithDefault("http://localhost:9200")
        List<String> hosts();

        /** Basic authentication, when the cluster's security plugin asks for it. */
        Optional<String> username();

        Optional<String> password();

        /** The start of every index and alias name, so several sites or environments can share a cluster. */
        @WithDefault("broadsheet-")
        String indexPrefix();

        /** Copies of each shard on other nodes; 0 on a single-node cluster. */
        @WithDefault("1")
        int replicas();

        /** How often the indexer looks for changes to write when there were none: a change is searchable within about this plus a tenth of a second. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** How long a search waits for the cluster before it is answered 503. */
        @WithDefault("5s")
        Duration timeout();

        /**
         * How long the indexer waits for the cluster to take a batch of changes (up to 500 articles) or to create or
         * switch an index; longer than a search's wait, as a busy cluster takes bulk writes slowly.
         */
        @WithDefault("60s")
        Duration writeTimeout();
    }

    Media media();

    /** The media library (media/): where images are kept, where they are served from, what an upload may be. */
    interface Media {
        /** Where the files are kept: {@code local} (a directory) or {@code s3} (an S3-compatible bucket, for several instances). */
        @WithDefault("local")
        Storage storage();

        enum Storage { LOCAL, S3 }

        /** The directory of the {@code local} storage, beside the embedded database's data by default. */
        @WithDefault("data/media")
        String directory();

        /**
         * The public address of the files, {media-url}/{id}/{file}: this service's /media (the default) or a CDN in front
         * of it. Answers name files with it.
         */
        @WithDefault("${broadsheet.subscriptions.api-url}/media")
        String url();

        /** The largest upload; a larger one is answered 413. */
        @WithDefault("25M")
        MemorySize maxUploadSize();

        /** The most pixels an image may have (a decompression bomb declares billions); more is a 400, before any pixel is decoded. */
        @WithDefault("50000000")
        @Min(1)
        long maxPixels();

        /** Uploads decoded and rendered at once; the others wait. Bounds the memory uploads take: about 4 bytes a pixel each. */
        @WithDefault("2")
        @Min(1)
        @Max(64)
        int concurrentRenderings();

        /** How long an upload waits for its turn before it is answered 503 with Retry-After. */
        @WithDefault("60s")
        Duration renderingWait();

        /**
         * Memory for the bytes of recently served files of at most 1 MiB (renditions, mostly), answered from there with
         * one write instead of a read of the disk or the bucket; 0 turns it off.
         */
        @WithDefault("64M")
        MemorySize fileCacheSize();

        S3 s3();

        /** The bucket of the {@code s3} storage (AWS S3, MinIO, Ceph, Garage, R2...). */
        interface S3 {
            Optional<String> bucket();

            /** The server's address; unset: AWS's, for the region. */
            Optional<String> endpoint();

            @WithDefault("us-east-1")
            String region();

            /** Unset: the AWS SDK's default credentials (environment, profile, instance role). */
            Optional<String> accessKeyId();

            Optional<String> secretAccessKey();

            /** Path-style addresses (endpoint/bucket/key), which most S3-compatible servers need. */
            @WithDefault("true")
            boolean pathStyle();

            /** Keys start with this, so one bucket can hold several things. */
            @WithDefault("media/")
            String prefix();
        }
    }

    Events events();

    /** The change feed (event/). */
    interface Events {
        /** How often scheduled articles whose time came are announced as published. */
        @WithDefault("1s")
        String scheduledCheck();

        /** How long events (and their webhook deliveries) are kept; a feed cursor older than that answers 410. */
        @WithDefault("30d")
        Duration retention();
    }

    WebSub websub();

    /** A WebSub hub that feed readers subscribe to, told of every publication. */
    interface WebSub {
        /** The hub's URL (such as https://pubsubhubbub.appspot.com/); unset: feeds name no hub and none is told. */
        Optional<String> hub();

        /** This API as the hub and feed readers reach it: the feeds' canonical addresses (the topics) start with it. */
        @WithDefault("${broadsheet.subscriptions.api-url}")
        String apiUrl();
    }

    Webhooks webhooks();

    /** Event delivery to webhooks (webhook/): where they may go, how often and how long they are tried. */
    interface Webhooks {
        /** Allow loopback and private-network targets (tests, intranets); public addresses only otherwise. */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /**
         * 32 bytes in base64 ({@code openssl rand -base64 32}) that encrypt the webhooks' signing secrets in the database;
         * without it no webhook can be created. Changing it makes the stored secrets unusable: rotate every webhook's after.
         */
        Optional<String> secretKey();

        /** How often the sender looks for due deliveries. */
        @WithDefault("1s")
        String interval();

        /** Deliveries one run of the sender sends at once, in parallel. */
        @WithDefault("32")
        @Min(1)
        @Max(256)
        int batch();

        /** How long an attempt may take, connecting and answering, before it counts as failed. */
        @WithDefault("10s")
        Duration timeout();

        /** The waits between attempts (each with up to 20% jitter); the last repeats until retry-for has passed. */
        @WithDefault("5s,5m,30m,2h,5h,10h")
        List<Duration> retryDelays();

        /** How long a delivery is retried after its event (or a redelivery asked for), before it is FAILED. */
        @WithDefault("24h")
        Duration retryFor();

        /** A webhook whose every delivery has failed this long is disabled, and says why. */
        @WithDefault("5d")
        Duration disableAfter();

        /** How long the previous secret still signs after a rotation. */
        @WithDefault("24h")
        Duration previousSecretLifetime();
    }

    Subscriptions subscriptions();

    interface Subscriptions {
        /** The frontend page that confirms a sign-up; {token} is replaced. */
        @WithDefault("https://news.example/newsletter/confirm?token={token}")
        String confirmUrl();

        /** The frontend page where a subscriber changes preferences; {token} is replaced. */
        @WithDefault("https://news.example/newsletter/preferences?token={token}")
        String preferencesUrl();

        /** This API as the subscriber's mail client reaches it, for RFC 8058 one-click unsubscribe. */
        @WithDefault("http://localhost:8080")
        String apiUrl();

        /** How long a confirmation link works. */
        @WithDefault("48h")
        Duration confirmationWindow();

        RateLimit rateLimit();

        Outbox outbox();

        /** Sign-ups per client address, per instance of the service. */
        interface RateLimit {
            @WithDefault("5")
            int perMinute();

            /** Sign-ups allowed at once before the per-minute rate applies. */
            @WithDefault("5")
            int burst();
        }

        interface Outbox {
            /** How often the sender looks for mail to send. */
            @WithDefault("5s")
            String interval();

            /** The first retry waits this long; each further one twice as long, up to an hour. */
            @WithDefault("10s")
            Duration firstRetry();

            @WithDefault("50")
            int maxAttempts();
        }
    }

    /** Cache-Control of public reads, for browsers and CDNs. */
    interface Cache {
        @WithDefault("60s")
        Duration maxAge();

        @WithDefault("300s")
        Duration staleWhileRevalidate();

        /** Memory for the in-process cache of serialized public answers; 0 turns it off. */
        @WithDefault("32M")
        MemorySize responseCacheSize();
    }

    /** The public website that renders the content: feeds link to it. */
    interface Site {
        @WithDefault("Broadsheet")
        String title();

        @WithDefault("The latest stories")
        String description();

        /** The site's home page. */
        @WithDefault("https://news.example/")
        String url();

        /** An article's page; {section} and {slug} are replaced. */
        @WithDefault("https://news.example/{section}/{slug}")
        String articleUrl();

        /** A section's page; {section} is replaced. */
        @WithDefault("https://news.example/{section}")
        String sectionUrl();

        /** An author's page; {author} is replaced by the slug of the byline's name. */
        @WithDefault("https://news.example/authors/{author}")
        String authorUrl();

        /** The publication's name in the News sitemap and structured data; unset: the site's title. */
        Optional<String> publicationName();

        /** The language of the content (BCP 47), in the News sitemap, structured data and ninjs. */
        @WithDefault("en")
        String language();

        /** URLs per monthly sitemap (sitemaps.org allows 50,000); a month with more is split in parts. */
        @WithDefault("50000")
        @Min(1)
        @Max(50_000)
        int sitemapSize();

        /** The publication's logo, the publisher's in structured data. */
        @WithDefault("https://news.example/logo.png")
        String logoUrl();
    }

    interface Limits {
        /** The largest request body, but for imports. */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** How long a request body (but an import's) may take to arrive; a slower one is answered 408. */
        @WithDefault("60s")
        Duration bodyReadTimeout();

        /** The largest NDJSON import; it is streamed, never held in memory. Keep quarkus.http.limits.max-body-size at least this. */
        @WithDefault("1G")
        MemorySize maxImportSize();

        /** Imports one instance runs at once (each writes on two connections); one more is answered 429 with Retry-After. */
        @WithDefault("2")
        int concurrentImports();

        /**
         * How long one statement of an article list or search may run (whole seconds); a longer one is cancelled and
         * answered 503 query-timeout, so a costly search cannot hold the connections that every other reader needs.
         */
        @WithDefault("10s")
        Duration queryTimeout();

        /**
         * Searches (article lists with q) one instance runs at once; one more waits up to 2 seconds for its turn, then
         * is answered 503 searches-busy. It keeps the rest of the connection pool for every other reader.
         */
        @WithDefault("8")
        int concurrentSearches();
    }

    EmbeddedPostgres embeddedPostgres();

    interface SampleContent {
        /** Load the demo sections and articles into an empty database at start. */
        @WithDefault("false")
        boolean enabled();

        /** Generated articles, besides the stories written by hand. */
        @WithDefault("300")
        int articles();

        /** Where the sample pictures are served ({name} is replaced); dev mode serves them with the demo site. */
        @WithDefault("http://localhost:8080/demo/images/{name}")
        String imageUrl();
    }

    /** Read by {@link news.broadsheet.database.EmbeddedPostgresConfigSourceFactory} before CDI exists. */
    interface EmbeddedPostgres {
        @WithDefault("data/postgres")
        String dataDir();

        /** 0 picks a free port. */
        @WithDefault("0")
        int port();

        /** Start from an empty database on every start (tests). */
        @WithDefault("false")
        boolean clean();

        /** fsync and synchronous_commit; off only for throwaway test databases. */
        @WithDefault("true")
        boolean durable();

        /** How long after the embedded server died under the running service it is started again. */
        @WithDefault("2s")
        Duration restartDelay();
    }
}
