package news.broadsheet.section;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.broadsheet.database.Clock;
import news.broadsheet.database.IntegrityViolation;
import news.broadsheet.database.WriteLocks;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.MovedPermanently;
import news.broadsheet.web.caching.ETags;
import news.broadsheet.web.caching.Stored;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;
import news.broadsheet.web.problem.StaleVersion;

import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class SectionService {

    private static final String LOCK_KIND = "section";

    private final SectionRepository sections;
    private final MergePatch mergePatch;
    private final WriteLocks writeLocks;

    SectionService(SectionRepository sections, MergePatch mergePatch, WriteLocks writeLocks) {
        this.sections = sections;
        this.mergePatch = mergePatch;
        this.writeLocks = writeLocks;
    }

    @Transactional
    public List<SectionView> list() {
        return sections.listInNavigationOrder().stream().map(SectionView::from).toList();
    }

    /** A section; an old slug of a renamed one is {@link MovedPermanently} to its current slug. */
    @Transactional
    public Stored<SectionView> get(String slug) {
        Section section = sections.findBySlug(slug).orElse(null);
        if (section == null) {
            sections.findByOldSlug(slug).ifPresent(renamed -> {
                throw new MovedPermanently(slug, renamed.slug);
            });
            throw new NotFound("section", slug);
        }
        return stored(section, false);
    }

    @Transactional
    public Stored<SectionView> create(SectionInput input) {
        String slug = writeLocks.claimNewSlug(LOCK_KIND, input.slug(), input.name(), "name", sections::slugTaken);
        return stored(insert(slug, input), true);
    }

    @Transactional
    public Stored<SectionView> put(String slug, SectionInput input, String ifMatch, String ifNoneMatch) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInput("slug", "must match the slug in the path, or be left out");
        }
        writeLocks.lock(LOCK_KIND, slug);
        var existing = sections.findBySlugForUpdate(slug);
        ETags.requireMatch(ifMatch, existing.map(SectionService::etag).orElse(null), "section");
        ETags.requireAbsent(ifNoneMatch, existing.isPresent(), "section");
        if (existing.isEmpty()) {
            return stored(insert(slug, input), true);
        }
        return stored(replace(existing.get(), input.withSlug(slug)), false);
    }

    /** Applies a JSON Merge Patch; a patched {@code slug} renames the section. */
    @Transactional
    public Stored<SectionView> patch(String slug, String patch, String ifMatch) throws JsonProcessingException {
        Section section = sections.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("section", slug));
        ETags.requireMatch(ifMatch, etag(section), "section");
        SectionInput patched = mergePatch.apply(SectionInput.from(section), patch, SectionInput.class);
        if (patched.slug() == null) {
            throw new InvalidInput("slug", "must not be null");
        }
        writeLocks.claimRename(LOCK_KIND, section.slug, patched.slug(), sections::slugTaken);
        return stored(replace(section, patched), false);
    }

    @Transactional
    public void delete(String slug, String ifMatch) {
        Section section = sections.findBySlugForUpdate(slug).orElseThrow(() -> new NotFound("section", slug));
        ETags.requireMatch(ifMatch, etag(section), "section");
        long children = sections.countChildren(section);
        long articles = sections.countArticles(section);
        if (children > 0 || articles > 0) {
            throw inUse(slug, articles, children);
        }
        try {
            sections.delete(section);
            sections.flush();
        } catch (PersistenceException e) {
            // an article or child section committed into it after it was counted (its insert only locks the key)
            if (IntegrityViolation.FOREIGN_KEY.in(e)) {
                throw new Conflict("section-in-use", "The section '" + slug + "' received an article or a child section "
                        + "while it was being deleted; move or delete them first");
            }
            throw e;
        }
    }

    private static Conflict inUse(String slug, long articles, long children) {
        return new Conflict("section-in-use", "The section '" + slug + "' still has " + articles
                + " article(s) and " + children + " child section(s); move or delete them first");
    }

    /** A section's tag changes with its version and its parent's, whose slug it shows. */
    static String etag(Section section) {
        return ETags.of("section", section.id, section.version, section.parent == null ? null : section.parent.slug);
    }

    private static Stored<SectionView> stored(Section section, boolean created) {
        return new Stored<>(SectionView.from(section), etag(section), created);
    }

    private Section insert(String slug, SectionInput input) {
        Section section = new Section();
        section.slug = slug;
        section.createdAt = Clock.now();
        apply(section, input);
        section.updatedAt = section.createdAt;
        try {
            sections.persistAndFlush(section);
        } catch (PersistenceException e) {
            if (IntegrityViolation.UNIQUE.in(e)) {
                throw Conflict.slugTaken("section", slug);
            }
            throw e;
        }
        return section;
    }

    private Section replace(Section section, SectionInput input) {
        if (SectionInput.from(section).equals(input.withSlug(input.slug()))) {
            return section;
        }
        apply(section, input);
        if (input.slug() != null) {
            section.slug = input.slug();
        }
        section.updatedAt = Clock.now();
        try {
            sections.flush();
        } catch (PersistenceException e) {
            if (e instanceof OptimisticLockException) {
                throw new StaleVersion("The section was changed by another request meanwhile; GET it again and reapply your change");
            }
            if (IntegrityViolation.UNIQUE.in(e)) {
                throw Conflict.slugTaken("section", section.slug);
            }
            throw e;
        }
        return section;
    }

    private void apply(Section section, SectionInput input) {
        section.name = input.name().strip();
        section.description = input.description();
        section.position = Objects.requireNonNullElse(input.position(), 0);
        section.parent = input.parent() == null ? null : sections.findBySlug(input.parent())
                .orElseThrow(() -> UnknownSection.in("parent", input.parent()));
        if (section.parent != null && section.id != null && section.parent.descendsFrom(section)) {
            throw new InvalidInput("parent", "would make the section its own ancestor");
        }
    }
}
