-- Corrections, updates and clarifications readers are owed: appended, never edited, erased with the article. The
-- article keeps the time of its latest note (noted_at), so lists and feeds answer modifiedAt without a join; adding a
-- note also moves the article's version, so its ETag and every cached answer change with it.
create table article_correction (
    id         uuid         primary key,
    article_id uuid         not null references article (id) on delete cascade,
    kind       varchar(16)  not null,
    text       varchar(2000) not null,
    created_at timestamptz  not null,
    created_by varchar(200),
    constraint article_correction_kind check (kind in ('CORRECTION', 'UPDATE', 'CLARIFICATION'))
);
create index article_correction_article_idx on article_correction (article_id, created_at);

alter table article add column noted_at timestamptz;
