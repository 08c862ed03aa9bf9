package news.broadsheet.sample;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.article.ArticleInput;
import news.broadsheet.article.ArticleService;
import news.broadsheet.article.ArticleStatus;
import news.broadsheet.article.ArticleView;
import news.broadsheet.article.SectionRef;
import news.broadsheet.author.AuthorInput;
import news.broadsheet.author.AuthorService;
import news.broadsheet.collection.CollectionInput;
import news.broadsheet.collection.CollectionService;
import news.broadsheet.media.FocalPoint;
import news.broadsheet.media.HeroImage;
import news.broadsheet.media.MediaInput;
import news.broadsheet.media.MediaService;
import news.broadsheet.section.SectionInput;
import news.broadsheet.section.SectionRepository;
import news.broadsheet.section.SectionService;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Demo content for an empty database (dev mode turns it on): thirteen sections, eight stories written by hand with fixed
 * dates ({@link SampleStories}) and a few hundred generated ones around today, written through the same services as the
 * API, so they are rendered and validated like any other. Their pictures are the demo site's.
 */
@ApplicationScoped
class SampleContent {

    private static final Logger LOG = Logger.getLogger(SampleContent.class);

    private static final List<String[]> SECTIONS = List.of(
            new String[]{"world", "World", "International news and analysis", null},
            new String[]{"europe", "Europe", "News from across Europe", "world"},
            new String[]{"politics", "Politics", "Elections, government and policy", null},
            new String[]{"business", "Business", "Markets, companies and the economy", null},
            new String[]{"technology", "Technology", "Science, gadgets and the internet", null},
            new String[]{"science", "Science", "Research and discovery", null},
            new String[]{"health", "Health", "Medicine and wellbeing", null},
            new String[]{"culture", "Culture", "Books, film, music and art", null},
            new String[]{"sport", "Sport", "Results, transfers and analysis", null},
            new String[]{"opinion", "Opinion", "Columns and commentary", null},
            new String[]{"travel", "Travel", "Destinations and guides", null},
            new String[]{"climate", "Climate", "Energy, weather and the environment", null});
    /** A section without stories: the one the OpenAPI document's delete example removes. */
    private static final String[] EMPTY_SECTION = {"local", "Local news", "News from our own city", null};

    private static final String[] SUBJECTS = {"The city council", "The rail union", "The central bank", "A new museum",
            "A volunteer group", "The health ministry", "A farmers' cooperative", "The national team", "A research team",
            "The tram drivers' union", "The opposition", "A local bakery", "The student union", "The energy regulator",
            "A fishing cooperative", "A small startup"};
    private static final String[] VERBS = {"approves", "rejects", "delays", "opens", "questions", "celebrates",
            "announces", "cuts", "doubles", "reviews", "defends", "unveils"};
    private static final String[] OBJECTS = {"a winter budget", "the new bridge", "night trains", "a climate plan",
            "school meals", "the harbour project", "wind farms", "a photo archive", "river clean-up work",
            "the old tram depot", "rent controls", "a reading festival", "the cycling lanes", "vaccine trials"};
    private static final String[] PLACES = {"Lviv", "Kraków", "Vilnius", "Łódź", "Zürich", "Reykjavík", "Lisbon",
            "São Paulo", "Montréal", "Tallinn", "Brno", "Gdańsk"};
    private static final String[] AUTHORS = {"Hanna Łukasik", "Oleh Marchenko", "Ingrid Solberg", "Tomás Ferreira",
            "Amara Eze", "Zoë Martin", "Jonas Weber", "Priya Raman", "Kastuś Kalinoŭski", "Mei Tanaka"};
    private static final String[] TAGS = {"elections", "energy", "inflation", "transport", "housing", "museums",
            "football", "research", "ai", "privacy", "migration", "weather", "books", "startups", "farming"};
    private static final String[] WORDS = ("the council said on monday that work would continue through the winter "
            + "while residents asked for clearer plans and more time to respond to the proposals before any final vote "
            + "engineers expect the first results next spring although costs may rise if prices keep climbing").split(" ");

    private final BroadsheetConfig config;
    private final SectionRepository sectionRepository;
    private final SectionService sections;
    private final ArticleService articles;
    private final AuthorService authors;
    private final CollectionService collections;
    private final MediaService media;

    SampleContent(BroadsheetConfig config, SectionRepository sectionRepository, SectionService sections, ArticleService articles,
                  AuthorService authors, CollectionService collections, MediaService media) {
        this.config = config;
        this.sectionRepository = sectionRepository;
        this.sections = sections;
        this.articles = articles;
        this.authors = authors;
        this.collections = collections;
        this.media = media;
    }

    void loadIntoEmptyDatabase(@Observes StartupEvent event) throws IOException {
        if (!config.sampleContent().enabled() || QuarkusTransaction.requiringNew().call(sectionRepository::count) > 0) {
            return;
        }
        // uploads commit on their own, before the content that shows them (which waits on no upload meanwhile)
        Map<String, UUID> pictures = pictures();
        QuarkusTransaction.requiringNew().call(() -> {
            load(pictures);
            return null;
        });
    }

    private void load(Map<String, UUID> pictures) throws IOException {
        for (String[] s : SECTIONS) {
            sections.put(s[0], new SectionInput(s[0], s[1], s[2], s[3], SECTIONS.indexOf(s)), null, null);
        }
        sections.put(EMPTY_SECTION[0], new SectionInput(EMPTY_SECTION[0], EMPTY_SECTION[1], EMPTY_SECTION[2], null, SECTIONS.size()),
                null, null);
        UnaryOperator<String> image = name -> config.sampleContent().imageUrl().replace("{name}", name);
        List<ArticleInput> stories = SampleStories.all(image).stream().map(story -> inLibrary(story, pictures)).toList();
        List<ArticleView> written = stories.stream().map(story -> articles.create(story, null).body()).toList();
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int count = config.sampleContent().articles();
        for (int i = 0; i < count; i++) {
            articles.create(article(random, i, now, image), null);
        }
        // the bylines made the authors; a few get what an author page shows
        authors.patch("hanna-lukasik", """
                {"jobTitle": "Transport correspondent", "bio": "Hanna covers **trams, trains and cities** from Lviv.",
                 "links": ["https://mastodon.example/@hanna"], "email": "hanna.lukasik@news.example"}""", null);
        authors.patch("oleh-marchenko", """
                {"jobTitle": "Europe editor", "bio": "Oleh has reported from twelve capitals.", "email": "oleh@news.example"}""", null);
        authors.patch("mei-tanaka", """
                {"jobTitle": "Tokyo correspondent", "bio": "Mei writes about *trade* and technology."}""", null);
        authors.put("ida-lindqvist", new AuthorInput(null, "Ida Lindqvist", "Guest columnist", "Ida's first column is on its way.", null,
                List.of(), null), null, null);
        // the home page's curated boxes: the editors' picks, and the first stories in the editors' order
        collections.put("dont-miss", new CollectionInput(null, "Don't miss", "The editors' picks of the day",
                written.stream().filter(ArticleView::featured).map(ArticleView::slug).toList()), null, null);
        collections.put("top-stories", new CollectionInput(null, "Top stories", "What the front page leads with",
                written.stream().limit(4).map(ArticleView::slug).toList()), null, null);
        collections.put("weekend-reads", new CollectionInput(null, "Weekend reads", "Longer stories for a slow Saturday",
                written.stream().skip(4).map(ArticleView::slug).toList()), null, null);
        LOG.infof("Loaded sample content: %d sections, %d stories written by hand and %d generated ones", SECTIONS.size() + 1,
                stories.size(), count);
    }

    /** The stories' pictures, drawn and uploaded to the media library, by name ("tram"); their subject is the focal point. */
    private Map<String, UUID> pictures() throws IOException {
        Map<String, UUID> pictures = new HashMap<>();
        Path file = Files.createTempFile("broadsheet-sample-", ".jpg");
        try {
            for (String name : SampleStories.images()) {
                String stem = name.substring(0, name.lastIndexOf('.'));
                ImageIO.write(SampleImages.draw(stem), "jpeg", file.toFile());
                pictures.put(stem, media.upload(file, new MediaInput(null, null, "Broadsheet sample pictures", null,
                        new FocalPoint(SampleImages.SUBJECT_X, SampleImages.SUBJECT_Y))).body().id());
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return pictures;
    }

    /** A story whose picture was drawn shows it from the media library, with the story's own alt text and caption. */
    private static ArticleInput inLibrary(ArticleInput story, Map<String, UUID> pictures) {
        HeroImage hero = story.heroImage();
        String name = hero.url().substring(hero.url().lastIndexOf('/') + 1).replaceFirst("\\.svg$", "");
        return story.withHeroImage(new HeroImage(null, pictures.get(name), hero.alt(), hero.caption(), hero.credit()));
    }

    private static ArticleInput article(Random random, int i, Instant now, UnaryOperator<String> image) {
        String place = pick(random, PLACES);
        String title = pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS) + " in " + place;
        ArticleStatus status = i % 25 == 7 ? ArticleStatus.DRAFT : i % 40 == 11 ? ArticleStatus.ARCHIVED : ArticleStatus.PUBLISHED;
        // mostly the past weeks, and a few scheduled for the coming days
        Instant publishedAt = i % 50 == 3 ? now.plus(Duration.ofHours(6 + i % 48))
                : now.minus(Duration.ofMinutes(37L * i + random.nextInt(30)));
        List<String> tags = random.ints(1 + random.nextInt(3), 0, TAGS.length).mapToObj(t -> TAGS[t]).distinct().toList();
        List<String> authors = random.ints(1 + random.nextInt(2), 0, AUTHORS.length).mapToObj(a -> AUTHORS[a]).distinct().toList();
        return new ArticleInput(null, title, sentence(random, 8), sentence(random, 18), body(random, place),
                new SectionRef(SECTIONS.get(random.nextInt(SECTIONS.size()))[0]), tags, authors, place,
                new HeroImage(image.apply(SampleStories.images().get(i % SampleStories.images().size())), sentence(random, 6),
                        null, pick(random, AUTHORS)),
                random.nextInt(20) == 0, status, status == ArticleStatus.DRAFT ? null : publishedAt);
    }

    private static String body(Random random, String place) {
        List<String> parts = new ArrayList<>();
        int paragraphs = 4 + random.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0 && random.nextInt(5) == 0) {
                parts.add("## " + sentence(random, 4).replaceAll("\\.$", ""));
            }
            String paragraph = random.ints(3 + random.nextInt(4)).mapToObj(n -> sentence(random, 10 + random.nextInt(12)))
                    .collect(Collectors.joining(" "));
            if (random.nextInt(6) == 0) {
                paragraph = "> " + paragraph + " said a resident of " + place + ".";
            } else if (random.nextInt(6) == 0) {
                paragraph += " Read [the full report](https://example.org/reports/" + random.nextInt(9999) + ").";
            } else if (random.nextInt(8) == 0) {
                paragraph += " The vote was **close**, and the result *surprised* many.";
            }
            parts.add(paragraph);
        }
        return String.join("\n\n", parts) + "\n";
    }

    private static String sentence(Random random, int words) {
        String text = random.ints(words, 0, WORDS.length).mapToObj(w -> WORDS[w]).collect(Collectors.joining(" "));
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
