-- Installs by day outlive their listing row. Unpublishing a package deletes its listing until it is approved
-- again, and the cascade from listings(id) then dropped the days the listing was installed on: its report lost
-- its recent installs, and kept them lost after republication while the total came back. The id stays the
-- package's (one id space), so the rows simply wait for it; lists join on live listings and ignore them.
CREATE TABLE install_days_kept (
    listing_id INTEGER NOT NULL,
    day        INTEGER NOT NULL, -- days since the epoch, UTC
    installs   INTEGER NOT NULL,
    PRIMARY KEY (listing_id, day)
) WITHOUT ROWID;
INSERT INTO install_days_kept (listing_id, day, installs) SELECT listing_id, day, installs FROM install_days;
DROP TABLE install_days;
ALTER TABLE install_days_kept RENAME TO install_days;
