package news.broadsheet.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.broadsheet.database.Clock;
import news.broadsheet.database.IntegrityViolation;
import news.broadsheet.database.WriteLocks;
import news.broadsheet.section.Section;
import news.broadsheet.section.SectionRepository;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.StaleVersion;

import java.util.ArrayList;

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

    ArticleService(ArticleRepository articles, ArticleLists lists, SectionRepository sections,
                   MarkdownRenderer markdown, MergePatch mergePatch, WriteLocks writeLocks) {
        this.articles = articles;
        this.lists = lists;
        this.sections = sections;
        this.markdown = markdown;
        this.mergePatch = mergePatch;
        this.writeLocks = writeLocks;
    }

    /** Reads on a connection of their own, outside any transaction: a list is one statement or a few. */
    public Page<ArticleSummary> list(ArticleQuery query) {
        return lists.list(query);
    }

    /** One article; the public sees it only when it is published and due, editors always. */
    @Transactional
    public Stored<ArticleView> get(String slug, boolean editor) {
        Article article = articles.findBySlug(slug)
                .filter(found -> editor || articles.isPublic(found))
                .orElseThrow(() -> new NotFound("article", slug));
        return stored(article, false);
    }

    /** Whether a read article waits for its publication time (editors read those), judged as every public read is. */
    boolean isScheduled(ArticleView article) {
        return article.status() == ArticleStatus.PUBLISHED && articles.isScheduled(article.id());
    }

    @Transactional
    public Stored<ArticleView> create(ArticleInput input) {
        String slug;
        if (input.slug() != null) {
            slug = input.slug();
            writeLocks.lock(LOCK_KIND, slug);
            if (articles.slugTaken(slug)) {
                throw Conflict.slugTaken("article", slug);
            }
        } else {
            String base = Slugs.derive(input.title())
                    .orElseThrow(() -> new InvalidInput("slug", "could not be derived from the title; give one"));
            writeLocks.lock(LOCK_KIND, base);
            slug = Slugs.firstFree(base, articles::slugTaken);
        }
        return stored(insert(slug, input), true);
    }

    /** Create or replace; parallel calls for one new slug create it once, the others replace it. */
    @Transactional
    public Stored<ArticleView> put(String slug, ArticleInput input, String ifMatch, String ifNoneMatch) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInput("slug", "must match the slug in the path, or be left out");
        }
        writeLocks.lock(LOCK_KIND, slug);
        var existing = articles.findBySlugForUpdate(slug);
        ETags.requireMatch(ifMatch, existing.map(ArticleService::etag).orElse(null), "article");
        ETags.requireAbsent(ifNoneMatch, existing.isPresent(), "article");
        if (existing.isEmpty()) {
            return stored(insert(slug, input), true);
        }
        return stored(replace(existing.get(), slug, input), false);
    }

    /** Applies a JSON Merge Patch; a patched {@code slug} renames the article. */
    @Transactional
    public Stored<ArticleView> patch(String slug, String patch, String ifMatch) throws JsonProcessingException {
        Article article = articles.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("article", slug));
        ETags.requireMatch(ifMatch, etag(article), "article");
        ArticleInput patched = mergePatch.apply(ArticleInput.from(article), patch, ArticleInput.class);
        if (patched.slug() == null) {
            throw new InvalidInput("slug", "must not be null");
        }
        if (!patched.slug().equals(article.slug)) {
            writeLocks.lock(LOCK_KIND, patched.slug());
            if (articles.slugTaken(patched.slug())) {
                throw Conflict.slugTaken("article", patched.slug());
            }
        }
        return stored(replace(article, patched.slug(), patched), false);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Article article = articles.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("article", slug));
        ETags.requireMatch(ifMatch, etag(article), "article");
        articles.delete(article);
    }

    /** An article's tag changes with its own version and with its section's, whose name it shows. */
    static String etag(Article article) {
        return ETags.of("article", article.id, article.version, article.section.id, article.section.version);
    }

    private static Stored<ArticleView> stored(Article article, boolean created) {
        return new Stored<>(ArticleView.from(article), etag(article), created);
    }

    private Article insert(String slug, ArticleInput input) {
        Article article = new Article();
        article.createdAt = Clock.now();
        write(article, input.normalized(slug, null));
        article.updatedAt = article.createdAt;
        try {
            articles.persistAndFlush(article);
        } catch (PersistenceException e) {
            throw slugTakenOr(e, slug);
        }
        return article;
    }

    private Article replace(Article article, String slug, ArticleInput input) {
        ArticleInput normalized = input.normalized(slug, article.publishedAt);
        if (normalized.equals(ArticleInput.from(article))) {
            return article; // an identical rerun changes nothing, not even updatedAt
        }
        write(article, normalized);
        article.updatedAt = Clock.now();
        try {
            articles.flush();
        } catch (PersistenceException e) {
            throw slugTakenOr(e, slug);
        }
        return article;
    }

    private void write(Article article, ArticleInput input) {
        Section section = sections.findBySlug(input.section().slug())
                .orElseThrow(() -> UnknownSection.in("section", input.section().slug()));
        if (article.body == null || !article.body.equals(input.body())) {
            var rendered = markdown.render(input.body());
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
        article.authors = new ArrayList<>(input.authors());
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
