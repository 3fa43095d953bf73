-- The publisher API (/rest/v1): publishers, their app keys and session tokens, uploaded files, packages
-- (listings under work, with a pending revision kept apart from the live listing) and their state history.
-- Times here are UTC ISO 8601 text of one fixed width (yyyy-MM-ddTHH:mm:ss.fffZ), so text order is time order.

CREATE TABLE publishers (
    id                INTEGER PRIMARY KEY,
    display_name      TEXT    NOT NULL,
    company_name      TEXT    NOT NULL DEFAULT '',
    email             TEXT    NOT NULL DEFAULT '',
    homepage_url      TEXT    NOT NULL DEFAULT '',
    -- Written to the publisher's live listings: commercial listings of foundation members stay in the
    -- client's recent, favorites and popular lists (PROTOCOL.md). Only the operator changes it.
    foundation_member INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT    NOT NULL,
    changed_at        TEXT    NOT NULL
);

-- An app key is shown once; only a salted PBKDF2-SHA256 hash of its secret is kept. An operator key belongs
-- to no publisher.
CREATE TABLE app_keys (
    app_id       TEXT    PRIMARY KEY,
    publisher_id INTEGER REFERENCES publishers(id),
    is_operator  INTEGER NOT NULL DEFAULT 0,
    secret_salt  BLOB    NOT NULL,
    secret_hash  BLOB    NOT NULL,
    iterations   INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    revoked_at   TEXT,
    CHECK ((is_operator = 1 AND publisher_id IS NULL) OR (is_operator = 0 AND publisher_id IS NOT NULL))
);
CREATE INDEX ix_app_keys_publisher ON app_keys(publisher_id);

-- Bearer tokens are kept only as their SHA-256 hash.
CREATE TABLE session_tokens (
    token_hash BLOB PRIMARY KEY,
    app_id     TEXT NOT NULL REFERENCES app_keys(app_id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX ix_session_tokens_app ON session_tokens(app_id);

-- Uploaded logos, screenshots and documents; the bytes live in file storage under their content hash.
-- An operator upload has no publisher.
CREATE TABLE files (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    filename     TEXT    NOT NULL,
    publisher_id INTEGER REFERENCES publishers(id),
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_files_publisher ON files(publisher_id);

-- A package is a listing as its publisher works on it. Its id is the listing's id (the node id) in the one
-- id space of listings: new ids are drawn past both tables. Seeded and imported listings get a row (with
-- no publisher) the first time the operator manages them through the API.
CREATE TABLE packages (
    id                 INTEGER PRIMARY KEY,
    external_key       TEXT    NOT NULL UNIQUE, -- listings.external_key it is published under
    publisher_id       INTEGER REFERENCES publishers(id),
    name               TEXT    NOT NULL,        -- of the working copy, for sorting lists
    -- Whether a listing row is published under this id; the live listing is only ever written on approval.
    live               INTEGER NOT NULL DEFAULT 0,
    removed            INTEGER NOT NULL DEFAULT 0,
    live_json          TEXT,                    -- the approved content the live listing was written from
    -- The revision under work, apart from the live listing; NULL when there is none.
    pending_state      TEXT CHECK (pending_state IN ('draft', 'submitted', 'rejected')),
    pending_json       TEXT,
    pending_message    TEXT    NOT NULL DEFAULT '',
    -- Counters of an unpublished listing, restored when it is published again.
    retained_installs  INTEGER NOT NULL DEFAULT 0,
    retained_favorites INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT    NOT NULL,
    changed_at         TEXT    NOT NULL,
    CHECK ((pending_state IS NULL) = (pending_json IS NULL))
);
CREATE INDEX ix_packages_publisher ON packages(publisher_id, id);
CREATE INDEX ix_packages_pending ON packages(pending_state) WHERE pending_state IS NOT NULL;

-- Every state change of a package, with who made it and when.
CREATE TABLE package_history (
    id         INTEGER PRIMARY KEY,
    package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
    action     TEXT    NOT NULL, -- created, updated, submitted, approved, rejected, unpublished, removed
    status     TEXT    NOT NULL, -- the package's status after the action
    actor      TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    message    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ix_package_history_package ON package_history(package_id, id);
