package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.broadsheet.author.Credit;
import news.broadsheet.database.Clock;
import news.broadsheet.database.IntegrityViolation;
import news.broadsheet.database.WriteLocks;
import news.broadsheet.media.HeroImage;
import news.broadsheet.media.MediaReferences;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionRepository;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.MovedPermanently;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.StaleVersion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Articles one at a time, through Hibernate. How an article row is written, here and in the import
 * ({@link ArticleBatchWriter}) alike: the upload normalized by {@link ArticleInput#normalized}; an upload equal to the
 * stored article changes nothing, not even {@code updatedAt}; the body is rendered again only when it changed; any
 * other change moves {@code version} by one and {@code updatedAt} to {@link Clock#now()}.
 */
@ApplicationScoped
public class ArticleService {

    private static final String LOCK_KIND = "article";

    private final ArticleRepository articles;
    private final ArticleLists lists;
    private final SectionRepository sections;
    private final MarkdownRenderer markdown;
    private final MergePatch mergePatch;
    private final WriteLocks writeLocks;
    private final RelatedArticles related;
    private final ArticlePreviews previews;
    private final ArticleRevisions revisions;
    private final MediaReferences media;

    ArticleService(ArticleRepository articles, ArticleLists lists, SectionRepository sections, MarkdownRenderer markdown,
                   MergePatch mergePatch, WriteLocks writeLocks, RelatedArticles related, ArticlePreviews previews,
                   ArticleRevisions revisions, MediaReferences media) {
        this.media = media;
        this.articles = articles;
        this.revisions = revisions;
        this.previews = previews;
        this.lists = lists;
        this.related = related;
        this.sections = sections;
        this.markdown = markdown;
        this.mergePatch = mergePatch;
        this.writeLocks = writeLocks;
    }

    /** Reads on a connection of their own, outside any transaction: a list is one statement or a few. */
    public Page<ArticleSummary> list(ArticleQuery query) {
        Page<ArticleSummary> page = lists.list(query);
        return new Page<>(withImages(page.items()), page.next(), page.total());
    }

    /** Published articles related to one; the public asks only about articles it sees, editors about any. */
    public Page<ArticleSummary> related(String slug, boolean editor, int limit) {
        return new Page<>(withImages(related.of(slug, editor, limit)), null, null);
    }

    /** These articles as list items in this order (for curated collections); only the public ones unless {@code all}. */
    public List<ArticleSummary> inOrder(List<UUID> ids, boolean all) {
        return withImages(lists.inOrder(ids, all));
    }

    /** List items with their hero images' sizes and renditions (one query for the page). */
    private List<ArticleSummary> withImages(List<ArticleSummary> items) {
        return media.complete(items, ArticleSummary::heroImage, ArticleSummary::withHeroImage);
    }

    /** The ids of the articles of these slugs that exist, by slug. */
    @Transactional
    public Map<String, UUID> idsOf(Collection<String> slugs) {
        return slugs.isEmpty() ? Map.of() : articles.idsOf(slugs);
    }

    /** The current slugs of the articles of these ids that still exist, by id. */
    @Transactional
    public Map<UUID, String> slugsOf(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : articles.slugsOf(ids);
    }

    /**
     * One article; the public sees it only when it is published and due, editors always, and the holder of a preview link
     * ({@code preview}, else null) whatever its status, while the link works. An old slug of a renamed article that the
     * caller may see is {@link MovedPermanently} to its current one.
     */
    @Transactional
    public Stored<ArticleView> get(String slug, boolean editor, String preview) {
        Article article = articles.findBySlug(slug).orElse(null);
        if (article == null) {
            articles.findByOldSlug(slug).filter(renamed -> mayRead(renamed, editor, preview)).ifPresent(renamed -> {
                throw new MovedPermanently(slug, renamed.slug, preview != null);
            });
            throw new NotFound("article", slug);
        }
        if (!mayRead(article, editor, preview)) {
            throw new NotFound("article", slug);
        }
        return stored(new Written(article, articles.creditsOf(article)), false);
    }

    /** A public article by its slug or by an old one (oEmbed is asked about pages as readers shared them). */
    @Transactional
    public Stored<ArticleView> getFollowingRenames(String slug) {
        try {
            return get(slug, false, null);
        } catch (MovedPermanently moved) {
            return get(moved.currentSlug(), false, null);
        }
    }

    /** A preview link decides alone: one that does not open this article is a 404, whoever holds it, with no hint why. */
    private boolean mayRead(Article article, boolean editor, String preview) {
        return preview != null ? previews.opens(preview, article.id) : editor || articles.isPublic(article);
    }

    /** Whether a read article waits for its publication time (editors read those), judged as every public read is. */
    boolean isScheduled(ArticleView article) {
        return article.status() == ArticleStatus.PUBLISHED && articles.isScheduled(article.id());
    }

    /** {@code by}: the name of the token that writes, for the revision; null for the service's own writes. */
    @Transactional
    public Stored<ArticleView> create(ArticleInput input, String by) {
        articles.signAs(by);
        String slug = writeLocks.claimNewSlug(LOCK_KIND, input.slug(), input.title(), "title", articles::slugTaken);
        return stored(insert(slug, input), true);
    }

    /** Create or replace; parallel calls for one new slug create it once, the others replace it. */
    @Transactional
    public Stored<ArticleView> put(String slug, ArticleInput input, String ifMatch, String ifNoneMatch, String by) {
        articles.signAs(by);
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInput("slug", "must match the slug in the path, or be left out");
        }
        writeLocks.lock(LOCK_KIND, slug);
        var existing = articles.findBySlugForUpdate(slug);
        List<Credit> before = existing.map(articles::creditsOf).orElse(List.of());
        ETags.requireMatch(ifMatch, existing.map(article -> etag(article, before)).orElse(null), "article");
        ETags.requireAbsent(ifNoneMatch, existing.isPresent(), "article");
        if (existing.isEmpty()) {
            return stored(insert(slug, input), true);
        }
        return stored(replace(existing.get(), before, slug, input), false);
    }

    /** Applies a JSON Merge Patch; a patched {@code slug} renames the article. */
    @Transactional
    public Stored<ArticleView> patch(String slug, String patch, String ifMatch, String by) throws JsonProcessingException {
        articles.signAs(by);
        Article article = articles.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("article", slug));
        List<Credit> credits = articles.creditsOf(article);
        ETags.requireMatch(ifMatch, etag(article, credits), "article");
        ArticleInput patched = mergePatch.apply(ArticleInput.from(article, credits), patch, ArticleInput.class);
        if (patched.slug() == null) {
            throw new InvalidInput("slug", "must not be null");
        }
        writeLocks.claimRename(LOCK_KIND, article.slug, patched.slug(), articles::slugTaken);
        return stored(replace(article, credits, patched.slug(), patched), false);
    }

    /**
     * Makes a revision's state current but for the slug, which stays (a rename is a PATCH): a new revision, unless the
     * article is in that state already.
     */
    @Transactional
    public Stored<ArticleView> restore(String slug, String number, String ifMatch, String by) {
        articles.signAs(by);
        Article article = articles.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("article", slug));
        List<Credit> credits = articles.creditsOf(article);
        ETags.requireMatch(ifMatch, etag(article, credits), "article");
        ArticleInput restored = revisions.stateAt(article, number);
        return stored(replace(article, credits, article.slug, restored), false);
    }

    /**
     * Adds a note for readers (created: the answer is a 201); it moves modifiedAt, updatedAt and the version, so the ETag
     * and every cached answer.
     */
    @Transactional
    public Stored<ArticleView> correct(String slug, CorrectionInput input, String ifMatch, String by) {
        Article article = articles.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("article", slug));
        List<Credit> credits = articles.creditsOf(article);
        ETags.requireMatch(ifMatch, etag(article, credits), "article");
        Correction correction = new Correction();
        correction.articleId = article.id;
        correction.kind = input.kind();
        correction.text = input.text().strip();
        correction.createdAt = Clock.now();
        correction.createdBy = by;
        articles.addCorrection(correction);
        article.notedAt = correction.createdAt;
        article.updatedAt = correction.createdAt;
        articles.flush();
        return stored(new Written(article, credits), true);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Article article = articles.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("article", slug));
        ETags.requireMatch(ifMatch, etag(article, articles.creditsOf(article)), "article");
        articles.delete(article);
    }

    /** An article's tag changes with its own version and with its section's and authors', whose names it shows. */
    private String etag(Article article, List<Credit> credits) {
        return ETags.of("article", article.id, article.version, article.section.id, article.section.version,
                credits.stream().map(credit -> credit.id() + ":" + credit.version()).toList(), media.version(article.heroImage));
    }

    /** An article as just read or written, with its authors in byline order. */
    private record Written(Article article, List<Credit> credits) {
    }

    /** An article never noted has no corrections to read; one that has costs one indexed query. */
    private Stored<ArticleView> stored(Written written, boolean created) {
        Article article = written.article();
        List<CorrectionView> corrections = article.notedAt == null ? List.of() : articles.correctionsOf(article);
        return new Stored<>(ArticleView.from(article, media.view(article.heroImage), written.credits().stream().map(Credit::byline).toList(),
                corrections),
                etag(article, written.credits()), created);
    }

    private Written insert(String slug, ArticleInput input) {
        Article article = new Article();
        article.createdAt = Clock.now();
        ArticleInput normalized = input.normalized(slug, null);
        Map<UUID, MediaReferences.Named> images = images(normalized);
        normalized = normalized.withHeroImage(media.stored(normalized.heroImage(), images));
        List<Credit> credits = articles.credit(normalized.authors());
        write(article, normalized, credits, images);
        article.updatedAt = article.createdAt;
        try {
            articles.persistAndFlush(article);
        } catch (PersistenceException e) {
            throw slugTakenOr(e, slug);
        }
        return new Written(article, credits);
    }

    /** {@code before}: the article's authors as stored; the answer's are those the upload names, locked by {@link ArticleRepository#credit}. */
    private Written replace(Article article, List<Credit> before, String slug, ArticleInput input) {
        ArticleInput normalized = input.normalized(slug, article.publishedAt);
        Map<UUID, MediaReferences.Named> images = images(normalized);
        normalized = normalized.withHeroImage(media.stored(normalized.heroImage(), images));
        List<Credit> credits = articles.credit(normalized.authors());
        if (normalized.withAuthors(credits).equals(ArticleInput.from(article, before))) {
            return new Written(article, credits); // an identical rerun changes nothing, not even updatedAt
        }
        write(article, normalized, credits, images);
        article.updatedAt = Clock.now();
        try {
            articles.flush();
        } catch (PersistenceException e) {
            throw slugTakenOr(e, slug);
        }
        return new Written(article, credits);
    }

    /**
     * The media library images the article shows (hero image, body), locked against deletion until the write commits.
     * @throws InvalidInput naming each that does not exist, or a hero image with neither url nor media
     */
    private Map<UUID, MediaReferences.Named> images(ArticleInput input) {
        HeroImage hero = input.heroImage();
        if (hero != null && hero.media() == null && hero.url() == null) {
            throw new InvalidInput("heroImage.url", "is required, or media: the id of an image of the media library");
        }
        Set<UUID> inBody = MediaReferences.inBody(input.body());
        Set<UUID> wanted = new LinkedHashSet<>(inBody);
        if (hero != null && hero.media() != null) {
            wanted.add(hero.media());
        }
        Map<UUID, MediaReferences.Named> found = media.lock(wanted);
        List<FieldError> errors = new ArrayList<>();
        if (hero != null && hero.media() != null) {
            errors.addAll(MediaReferences.missing("heroImage.media", List.of(hero.media()), found));
        }
        errors.addAll(MediaReferences.missing("body", inBody, found));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return found;
    }

    private void write(Article article, ArticleInput input, List<Credit> credits, Map<UUID, MediaReferences.Named> images) {
        Section section = sections.findBySlug(input.section().slug())
                .orElseThrow(() -> UnknownSection.in("section", input.section().slug()));
        if (article.body == null || !article.body.equals(input.body())) {
            var rendered = markdown.render(input.body(), id -> media.bodyImage(id, images));
            article.bodyHtml = rendered.html();
            article.wordCount = rendered.wordCount();
            article.readingTimeMinutes = rendered.readingTimeMinutes();
        }
        article.slug = input.slug();
        article.title = input.title();
        article.subtitle = input.subtitle();
        article.summary = input.summary();
        article.body = input.body();
        article.section = section;
        article.tags = new ArrayList<>(input.tags());
        article.authorIds = new ArrayList<>(credits.stream().map(Credit::id).toList());
        article.dateline = input.dateline();
        article.heroImage = input.heroImage();
        article.featured = input.featured();
        article.status = input.status();
        article.publishedAt = input.publishedAt();
    }

    private static RuntimeException slugTakenOr(PersistenceException e, String slug) {
        if (e instanceof OptimisticLockException) {
            return new StaleVersion("The article was changed by another request meanwhile; GET it again and reapply your change");
        }
        return IntegrityViolation.UNIQUE.in(e) ? Conflict.slugTaken("article", slug) : e;
    }
}
