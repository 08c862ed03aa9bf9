-- One number that changes with every committed write to articles or sections, so public lists, tags and
-- feeds get an ETag without being rebuilt, and every instance of the service sees the same number.
create table content_version (
    id      integer primary key check (id = 1),
    version bigint not null
);
insert into content_version values (1, 0);

create function bump_content_version() returns trigger language plpgsql as $$
begin
    update content_version set version = version + 1 where id = 1;
    return null;
end
$$;

create trigger article_changes_content after insert or update or delete on article
    for each statement execute function bump_content_version();
create trigger section_changes_content after insert or update or delete on section
    for each statement execute function bump_content_version();
