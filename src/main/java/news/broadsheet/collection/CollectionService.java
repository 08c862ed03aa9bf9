package news.broadsheet.collection;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.broadsheet.article.ArticleService;
import news.broadsheet.database.Clock;
import news.broadsheet.database.ContentVersion;
import news.broadsheet.database.IntegrityViolation;
import news.broadsheet.database.WriteLocks;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.StaleVersion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Collections, replaced whole by editors. A read answers a two-part ETag ({@link ETags#twoPart}): the collection's own
 * version, and the content version it was read at (its articles change without the collection changing, and a
 * scheduled one appears at its time); If-Match compares the first part only, so an edit conflicts with another edit
 * of the collection, never with a change to one of its articles.
 */
@ApplicationScoped
public class CollectionService {

    private static final String LOCK_KIND = "collection";

    private final CollectionRepository collections;
    private final ArticleService articles;
    private final ContentVersion contentVersion;
    private final MergePatch mergePatch;
    private final WriteLocks writeLocks;

    CollectionService(CollectionRepository collections, ArticleService articles, ContentVersion contentVersion, MergePatch mergePatch,
                      WriteLocks writeLocks) {
        this.collections = collections;
        this.articles = articles;
        this.contentVersion = contentVersion;
        this.mergePatch = mergePatch;
        this.writeLocks = writeLocks;
    }

    @Transactional
    public List<CollectionSummary> list() {
        return collections.listBySlug().stream().map(CollectionSummary::from).toList();
    }

    /** The public sees the articles published now; token holders every article still there. */
    @Transactional
    public Stored<CollectionView> get(String slug, boolean editor) {
        String content = contentVersion.current(); // before the articles are read: the tag is never newer than the answer
        Collection collection = collections.findBySlug(slug).orElseThrow(() -> new NotFound("collection", slug));
        return stored(collection, editor, content, false);
    }

    /** Create or replace; parallel calls for one new slug create it once, the others replace it. */
    @Transactional
    public Stored<CollectionView> put(String slug, CollectionInput input, String ifMatch, String ifNoneMatch) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInput("slug", "must match the slug in the path, or be left out");
        }
        writeLocks.lock(LOCK_KIND, slug);
        var existing = collections.findBySlugForUpdate(slug);
        ETags.requireOwnMatch(ifMatch, existing.map(CollectionService::ownTag).orElse(null), "collection");
        ETags.requireAbsent(ifNoneMatch, existing.isPresent(), "collection");
        String content = contentVersion.current();
        CollectionInput normalized = input.normalized(slug);
        List<UUID> ids = articleIds(normalized.articles());
        if (existing.isEmpty()) {
            return stored(insert(normalized, ids), true, content, true);
        }
        return stored(replace(existing.get(), normalized, ids), true, content, false);
    }

    /** Applies a JSON Merge Patch to the collection as PUT takes it; {@code articles}, an array, is replaced whole. */
    @Transactional
    public Stored<CollectionView> patch(String slug, String patch, String ifMatch) throws JsonProcessingException {
        Collection collection = collections.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("collection", slug));
        ETags.requireOwnMatch(ifMatch, ownTag(collection), "collection");
        String content = contentVersion.current();
        CollectionInput patched = mergePatch.apply(asInput(collection), patch, CollectionInput.class);
        if (patched.slug() == null) {
            throw new InvalidInput("slug", "must not be null");
        }
        writeLocks.claimRename(LOCK_KIND, collection.slug, patched.slug(), collections::slugTaken);
        CollectionInput normalized = patched.normalized(patched.slug());
        return stored(replace(collection, normalized, articleIds(normalized.articles())), true, content, false);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Collection collection = collections.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("collection", slug));
        ETags.requireOwnMatch(ifMatch, ownTag(collection), "collection");
        collections.delete(collection);
    }

    private static String ownTag(Collection collection) {
        return ETags.of("collection", collection.id, collection.version);
    }

    private Stored<CollectionView> stored(Collection collection, boolean editor, String content, boolean created) {
        var view = new CollectionView(collection.id, collection.slug, collection.name, collection.description,
                articles.inOrder(collection.articleIds, editor), collection.createdAt, collection.updatedAt);
        return new Stored<>(view, ETags.twoPart(ownTag(collection), ETags.of(content, editor)), created);
    }

    /** The collection as PUT would write it: its articles by their current slugs, deleted ones left out. */
    private CollectionInput asInput(Collection collection) {
        Map<UUID, String> slugs = articles.slugsOf(collection.articleIds);
        return new CollectionInput(collection.slug, collection.name, collection.description,
                collection.articleIds.stream().map(slugs::get).filter(Objects::nonNull).toList());
    }

    /** @throws InvalidInput naming each slug given twice and each that names no article, and nothing is written */
    private List<UUID> articleIds(List<String> slugs) {
        Map<String, UUID> ids = articles.idsOf(slugs);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            if (!seen.add(slug)) {
                errors.add(new FieldError("articles[" + i + "]", "names '" + slug + "' a second time; a collection lists an article once"));
            } else if (!ids.containsKey(slug)) {
                errors.add(new FieldError("articles[" + i + "]", "names no article: '" + slug + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return slugs.stream().map(ids::get).toList();
    }

    private Collection insert(CollectionInput input, List<UUID> ids) {
        Collection collection = new Collection();
        collection.id = UUID.randomUUID();
        collection.slug = input.slug();
        collection.createdAt = Clock.now();
        write(collection, input, ids);
        collection.updatedAt = collection.createdAt;
        try {
            collections.persistAndFlush(collection);
        } catch (PersistenceException e) {
            throw slugTakenOr(e, input.slug());
        }
        return collection;
    }

    private Collection replace(Collection collection, CollectionInput input, List<UUID> ids) {
        if (input.slug().equals(collection.slug) && input.name().equals(collection.name)
                && Objects.equals(input.description(), collection.description) && ids.equals(collection.articleIds)) {
            return collection; // an identical rerun changes nothing, not even updatedAt
        }
        collection.slug = input.slug();
        write(collection, input, ids);
        collection.updatedAt = Clock.now();
        try {
            collections.flush();
        } catch (PersistenceException e) {
            throw slugTakenOr(e, input.slug());
        }
        return collection;
    }

    private static void write(Collection collection, CollectionInput input, List<UUID> ids) {
        collection.name = input.name();
        collection.description = input.description();
        collection.articleIds = new ArrayList<>(ids);
    }

    private static RuntimeException slugTakenOr(PersistenceException e, String slug) {
        if (e instanceof OptimisticLockException) {
            return new StaleVersion("The collection was changed by another request meanwhile; GET it again and reapply your change");
        }
        return IntegrityViolation.UNIQUE.in(e) ? Conflict.slugTaken("collection", slug) : e;
    }
}
