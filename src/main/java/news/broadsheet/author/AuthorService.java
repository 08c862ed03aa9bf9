package news.broadsheet.author;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.broadsheet.article.MarkdownRenderer;
import news.broadsheet.database.Clock;
import news.broadsheet.database.IntegrityViolation;
import news.broadsheet.database.WriteLocks;
import news.broadsheet.media.HeroImage;
import news.broadsheet.media.ImageView;
import news.broadsheet.media.MediaReferences;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.StaleVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Authors one at a time. Bylines create authors too ({@link Bylines}), so an author is also a row that nobody wrote
 * through this service: a guest named in an import has a name and nothing else until an editor fills it in.
 */
@ApplicationScoped
public class AuthorService {

    /** Also the lock {@link Bylines} would need: both create through the unique slug, so one of two racing writers wins. */
    private static final String LOCK_KIND = "author";
    private static final String SORT = "slug";

    private final AuthorRepository authors;
    private final MarkdownRenderer markdown;
    private final MergePatch mergePatch;
    private final WriteLocks writeLocks;
    private final MediaReferences media;

    AuthorService(AuthorRepository authors, MarkdownRenderer markdown, MergePatch mergePatch, WriteLocks writeLocks,
                  MediaReferences media) {
        this.media = media;
        this.authors = authors;
        this.markdown = markdown;
        this.mergePatch = mergePatch;
        this.writeLocks = writeLocks;
    }

    /** The public sees authors credited on a public article; token holders see all, with their email addresses. */
    @Transactional
    public Page<AuthorView> list(int limit, String cursor, boolean count, boolean editor) {
        String after = null;
        if (cursor != null) {
            after = Cursor.decode(cursor, SORT).key();
            if (!Slugs.isValid(after)) {
                throw new InvalidInput("cursor", "is not a cursor from this API");
            }
        }
        List<Author> found = authors.page(editor, after, limit + 1);
        List<AuthorView> items = media.complete(found.stream().limit(limit)
                .map(author -> AuthorView.from(author, ImageView.of(author.photo), editor)).toList(), AuthorView::photo, AuthorView::withPhoto);
        String next = null;
        if (found.size() > limit) {
            AuthorView last = items.get(items.size() - 1);
            next = new Cursor(SORT, last.slug(), last.id()).encode();
        }
        return new Page<>(items, next, count ? authors.count(editor) : null);
    }

    @Transactional
    public Stored<AuthorView> get(String slug, boolean editor) {
        Author author = authors.findBySlug(slug)
                .filter(found -> editor || authors.isPublic(found))
                .orElseThrow(() -> new NotFound("author", slug));
        return stored(author, false, editor);
    }

    @Transactional
    public Stored<AuthorView> create(AuthorInput input) {
        String slug = writeLocks.claimNewSlug(LOCK_KIND, input.slug(), input.name(), "name", authors::slugTaken);
        return stored(insert(input.normalized(slug)), true, true);
    }

    /** Create or replace; parallel calls for one new slug create it once, the others replace it. */
    @Transactional
    public Stored<AuthorView> put(String slug, AuthorInput input, String ifMatch, String ifNoneMatch) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInput("slug", "must match the slug in the path, or be left out");
        }
        writeLocks.lock(LOCK_KIND, slug);
        var existing = authors.findBySlugForUpdate(slug);
        ETags.requireMatch(ifMatch, existing.map(author -> etag(author, true)).orElse(null), "author");
        ETags.requireAbsent(ifNoneMatch, existing.isPresent(), "author");
        if (existing.isEmpty()) {
            return stored(insert(input.normalized(slug)), true, true);
        }
        return stored(replace(existing.get(), input.normalized(slug)), false, true);
    }

    /** Applies a JSON Merge Patch; a patched {@code slug} renames the author, and every byline follows. */
    @Transactional
    public Stored<AuthorView> patch(String slug, String patch, String ifMatch) throws JsonProcessingException {
        Author author = authors.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("author", slug));
        ETags.requireMatch(ifMatch, etag(author, true), "author");
        AuthorInput patched = mergePatch.apply(AuthorInput.from(author), patch, AuthorInput.class);
        if (patched.slug() == null) {
            throw new InvalidInput("slug", "must not be null");
        }
        writeLocks.claimRename(LOCK_KIND, author.slug, patched.slug(), authors::slugTaken);
        return stored(replace(author, patched.normalized(patched.slug())), false, true);
    }

    /**
     * Only an author nobody credits can go. The row lock waits for every writer that named the author (they hold it FOR
     * KEY SHARE until they commit), so the count below sees their articles.
     */
    @Transactional
    public void delete(String slug, String ifMatch) {
        Author author = authors.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("author", slug));
        ETags.requireMatch(ifMatch, etag(author, true), "author");
        long credited = authors.countArticles(author);
        if (credited > 0) {
            throw new Conflict("author-in-use", "The author '" + slug + "' is credited on " + credited
                    + " article(s); take them off those bylines first");
        }
        authors.delete(author);
    }

    /** What a token holder sees differs (the email), so their answers have a tag of their own. */
    private String etag(Author author, boolean withEmail) {
        return ETags.of("author", author.id, author.version, withEmail, media.version(author.photo));
    }

    private Stored<AuthorView> stored(Author author, boolean created, boolean withEmail) {
        return new Stored<>(AuthorView.from(author, media.view(author.photo), withEmail), etag(author, withEmail), created);
    }

    private Author insert(AuthorInput given) {
        AuthorInput input = withMedia(given);
        Author author = new Author();
        author.id = UUID.randomUUID();
        author.createdAt = Clock.now();
        write(author, input);
        author.updatedAt = author.createdAt;
        try {
            authors.persistAndFlush(author);
        } catch (PersistenceException e) {
            throw slugTakenOr(e, input.slug());
        }
        return author;
    }

    private Author replace(Author author, AuthorInput given) {
        AuthorInput input = withMedia(given);
        if (input.equals(AuthorInput.from(author))) {
            return author; // an identical rerun changes nothing, not even updatedAt
        }
        write(author, input);
        author.updatedAt = Clock.now();
        try {
            authors.flush();
        } catch (PersistenceException e) {
            throw slugTakenOr(e, input.slug());
        }
        return author;
    }

    /** The photo as stored: a media library image's original URL and, where left out, its alt text, caption and credit. */
    private AuthorInput withMedia(AuthorInput input) {
        HeroImage photo = input.photo();
        if (photo == null) {
            return input;
        }
        if (photo.media() == null) {
            if (photo.url() == null) {
                throw new InvalidInput("photo.url", "is required, or media: the id of an image of the media library");
            }
            return input;
        }
        Map<UUID, MediaReferences.Named> found = media.lock(List.of(photo.media()));
        List<FieldError> missing = MediaReferences.missing("photo.media", List.of(photo.media()), found);
        if (!missing.isEmpty()) {
            throw new InvalidInput(missing);
        }
        return input.withPhoto(media.stored(photo, found));
    }

    private void write(Author author, AuthorInput input) {
        if (author.bio == null || !author.bio.equals(input.bio())) {
            author.bioHtml = markdown.render(input.bio()).html();
        }
        author.slug = input.slug();
        author.name = input.name();
        author.jobTitle = input.jobTitle();
        author.bio = input.bio();
        author.photo = input.photo();
        author.links = new ArrayList<>(input.links());
        author.email = input.email();
    }

    private static RuntimeException slugTakenOr(PersistenceException e, String slug) {
        if (e instanceof OptimisticLockException) {
            return new StaleVersion("The author was changed by another request meanwhile; GET it again and reapply your change");
        }
        return IntegrityViolation.UNIQUE.in(e) ? Conflict.slugTaken("author", slug) : e;
    }
}
