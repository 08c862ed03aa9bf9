package news.broadsheet.section;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import news.broadsheet.database.Clock;
import news.broadsheet.database.UniqueViolation;
import news.broadsheet.slug.Slugs;
import news.broadsheet.web.Conflict;
import news.broadsheet.web.InvalidInput;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.NotFound;

import java.util.List;
import java.util.Objects;

@ApplicationScoped
public class SectionService {

    /** The outcome of a create-or-replace: the section as stored, and whether it is new. */
    public record Saved(SectionView section, boolean created) {
    }

    private final SectionRepository sections;
    private final MergePatch mergePatch;

    SectionService(SectionRepository sections, MergePatch mergePatch) {
        this.sections = sections;
        this.mergePatch = mergePatch;
    }

    @Transactional
    public List<SectionView> list() {
        return sections.listInNavigationOrder().stream().map(SectionView::from).toList();
    }

    @Transactional
    public SectionView get(String slug) {
        return SectionView.from(find(slug));
    }

    @Transactional
    public SectionView create(SectionInput input) {
        String slug;
        if (input.slug() != null) {
            slug = input.slug();
            if (sections.slugTaken(slug)) {
                throw Conflict.slugTaken("section", slug);
            }
        } else {
            String base = Slugs.derive(input.name())
                    .orElseThrow(() -> new InvalidInput("slug", "could not be derived from the name; give one"));
            slug = Slugs.firstFree(base, sections::slugTaken);
        }
        return SectionView.from(insert(slug, input));
    }

    @Transactional
    public Saved put(String slug, SectionInput input) {
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw new InvalidInput("slug", "must match the slug in the path, or be left out");
        }
        var existing = sections.findBySlug(slug);
        if (existing.isEmpty()) {
            return new Saved(SectionView.from(insert(slug, input)), true);
        }
        return new Saved(SectionView.from(replace(existing.get(), input.withSlug(slug))), false);
    }

    /** Applies a JSON Merge Patch; a patched {@code slug} renames the section. */
    @Transactional
    public SectionView patch(String slug, String patch) throws JsonProcessingException {
        Section section = find(slug);
        SectionInput patched = mergePatch.apply(SectionInput.from(section), patch, SectionInput.class);
        if (patched.slug() == null) {
            throw new InvalidInput("slug", "must not be null");
        }
        if (!patched.slug().equals(section.slug) && sections.slugTaken(patched.slug())) {
            throw Conflict.slugTaken("section", patched.slug());
        }
        return SectionView.from(replace(section, patched));
    }

    @Transactional
    public void delete(String slug) {
        Section section = find(slug);
        long children = sections.countChildren(section);
        long articles = sections.countArticles(section);
        if (children > 0 || articles > 0) {
            throw new Conflict("section-in-use", "The section '" + slug + "' still has " + articles
                    + " article(s) and " + children + " child section(s); move or delete them first");
        }
        sections.delete(section);
    }

    private Section find(String slug) {
        return sections.findBySlug(slug).orElseThrow(() -> new NotFound("section", slug));
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
            if (UniqueViolation.in(e)) {
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
            if (UniqueViolation.in(e)) {
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
                .orElseThrow(() -> new InvalidInput("parent", "no section '" + input.parent() + "'"));
        if (section.parent != null && section.id != null && section.parent.descendsFrom(section)) {
            throw new InvalidInput("parent", "would make the section its own ancestor");
        }
    }
}
