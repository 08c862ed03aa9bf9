-- Every committed write to articles or sections also notifies the channel broadsheet_content with the new
-- version, so every instance of the service drops its cached answers as soon as the write commits.
create or replace function bump_content_version() returns trigger language plpgsql as $$
declare
    bumped bigint;
begin
    update content_version set version = version + 1 where id = 1 returning version into bumped;
    perform pg_notify('broadsheet_content', bumped::text);
    return null;
end
$$;
