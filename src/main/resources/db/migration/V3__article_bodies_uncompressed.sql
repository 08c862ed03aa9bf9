-- Bodies are read far more often than written, and compressing them dominated bulk imports:
-- keep body and body_html out of line but uncompressed (about twice the disk for those columns).
alter table article
    alter column body set storage external,
    alter column body_html set storage external;
