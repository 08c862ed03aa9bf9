-- Old slugs of renamed articles and sections, so links already shared keep working: each names the article or
-- section it belonged to (not its next slug), so a chain of renames answers in one hop. A new article or section that
-- takes an old slug wins (its row is dropped), and deleting the article or section erases its old slugs. Triggers keep
-- the table, so every write path (single writes, the import, restores) is covered in its own transaction.
create table article_slug_redirect (
    slug       varchar(120) primary key,
    article_id uuid         not null references article (id) on delete cascade
);
create index article_slug_redirect_article_idx on article_slug_redirect (article_id);

create table section_slug_redirect (
    slug       varchar(120) primary key,
    section_id uuid         not null references section (id) on delete cascade
);
create index section_slug_redirect_section_idx on section_slug_redirect (section_id);

create function article_slug_remembered() returns trigger language plpgsql as $$
begin
    insert into article_slug_redirect (slug, article_id) values (old.slug, new.id)
        on conflict (slug) do update set article_id = excluded.article_id;
    delete from article_slug_redirect where slug = new.slug;
    return null;
end
$$;

create function article_slug_taken_over() returns trigger language plpgsql as $$
begin
    delete from article_slug_redirect where slug = new.slug;
    return null;
end
$$;

create trigger article_renamed after update of slug on article
    for each row when (old.slug <> new.slug) execute function article_slug_remembered();
create trigger article_created after insert on article
    for each row execute function article_slug_taken_over();

create function section_slug_remembered() returns trigger language plpgsql as $$
begin
    insert into section_slug_redirect (slug, section_id) values (old.slug, new.id)
        on conflict (slug) do update set section_id = excluded.section_id;
    delete from section_slug_redirect where slug = new.slug;
    return null;
end
$$;

create function section_slug_taken_over() returns trigger language plpgsql as $$
begin
    delete from section_slug_redirect where slug = new.slug;
    return null;
end
$$;

create trigger section_renamed after update of slug on section
    for each row when (old.slug <> new.slug) execute function section_slug_remembered();
create trigger section_created after insert on section
    for each row execute function section_slug_taken_over();
