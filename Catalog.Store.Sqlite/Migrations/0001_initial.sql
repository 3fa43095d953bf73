-- Every write appends here; derived views (search index, caches) follow it by change_number.
CREATE TABLE change_log (
    change_number INTEGER PRIMARY KEY AUTOINCREMENT,
    changed_at    INTEGER NOT NULL,           -- epoch milliseconds
    entity        TEXT    NOT NULL,           -- listing, taxonomy, catalog, featured, news
    entity_ids    TEXT    NOT NULL DEFAULT '' -- comma separated ids touched
);

CREATE TABLE catalogs (
    id                      INTEGER PRIMARY KEY,
    external_key            TEXT    NOT NULL UNIQUE,
    title                   TEXT    NOT NULL,
    url                     TEXT    NOT NULL DEFAULT '',
    icon                    TEXT    NOT NULL DEFAULT '',
    description             TEXT    NOT NULL DEFAULT '',
    self_contained          INTEGER NOT NULL DEFAULT 0,
    dependencies_repository TEXT    NOT NULL DEFAULT '',
    wizard_title            TEXT    NOT NULL DEFAULT '',
    wizard_icon             TEXT    NOT NULL DEFAULT '',
    tabs_json               TEXT    NOT NULL DEFAULT '[]',
    news_short_title        TEXT,
    news_published          INTEGER,
    news_url                TEXT,
    source_hash             TEXT    NOT NULL
);

-- Markets and categories are taxonomy terms of one id space, as on the real site: tid:{id} in search
-- and /taxonomy/term/{id} name either kind.
CREATE TABLE terms (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('market', 'category'))
);

CREATE TABLE markets (
    id           INTEGER PRIMARY KEY REFERENCES terms(id),
    external_key TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    slug         TEXT NOT NULL UNIQUE,
    source_hash  TEXT NOT NULL
);

CREATE TABLE categories (
    id           INTEGER PRIMARY KEY REFERENCES terms(id),
    external_key TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    slug         TEXT NOT NULL UNIQUE,
    source_hash  TEXT NOT NULL
);

CREATE TABLE category_markets (
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    market_id   INTEGER NOT NULL REFERENCES markets(id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, market_id)
) WITHOUT ROWID;

CREATE TABLE listings (
    id                INTEGER PRIMARY KEY,
    external_key      TEXT    NOT NULL UNIQUE,
    url_title         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name              TEXT    NOT NULL,
    type              TEXT    NOT NULL DEFAULT 'resource',
    owner             TEXT    NOT NULL DEFAULT '',
    company_name      TEXT    NOT NULL DEFAULT '',
    foundation_member INTEGER NOT NULL DEFAULT 0,
    short_description TEXT    NOT NULL DEFAULT '',
    body              TEXT    NOT NULL DEFAULT '',
    license           TEXT    NOT NULL DEFAULT '',
    status            TEXT    NOT NULL DEFAULT '',
    homepage_url      TEXT    NOT NULL DEFAULT '',
    support_url       TEXT    NOT NULL DEFAULT '',
    image_url         TEXT    NOT NULL DEFAULT '',
    screenshot_url    TEXT    NOT NULL DEFAULT '',
    created           INTEGER NOT NULL, -- epoch seconds
    changed           INTEGER NOT NULL, -- epoch seconds
    favorites         INTEGER NOT NULL DEFAULT 0,
    installs_total    INTEGER NOT NULL DEFAULT 0,
    is_commercial     INTEGER NOT NULL DEFAULT 0,
    -- Releases any version supports (bit i = release table index i; 0..63 in lo, 64..127 in hi, as ReleaseMask),
    -- so lists filter by compatibility inside the query.
    release_mask_lo   INTEGER NOT NULL DEFAULT 0,
    release_mask_hi   INTEGER NOT NULL DEFAULT 0,
    -- Releases for which the version the client would get is installable; bit layout as above.
    installable_lo    INTEGER NOT NULL DEFAULT 0,
    installable_hi    INTEGER NOT NULL DEFAULT 0,
    -- Whether the version chosen without a target release is installable.
    installable_any   INTEGER NOT NULL DEFAULT 0,
    source_hash       TEXT    NOT NULL
);
CREATE INDEX ix_listings_changed   ON listings(changed DESC);
CREATE INDEX ix_listings_favorites ON listings(favorites DESC);

CREATE TABLE listing_categories (
    listing_id  INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (listing_id, category_id)
) WITHOUT ROWID;
CREATE INDEX ix_listing_categories_category ON listing_categories(category_id, listing_id);

CREATE TABLE listing_markets (
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    market_id  INTEGER NOT NULL REFERENCES markets(id) ON DELETE CASCADE,
    PRIMARY KEY (listing_id, market_id)
) WITHOUT ROWID;
CREATE INDEX ix_listing_markets_market ON listing_markets(market_id, listing_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE listing_tags (
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (listing_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX ix_listing_tags_tag ON listing_tags(tag_id, listing_id);

CREATE TABLE solution_versions (
    listing_id       INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    version          TEXT    NOT NULL DEFAULT '',
    update_site_url  TEXT    NOT NULL DEFAULT '',
    releases         TEXT    NOT NULL DEFAULT '', -- comma separated major.minor
    platforms        TEXT    NOT NULL DEFAULT '', -- comma separated wire names
    min_java_version TEXT    NOT NULL DEFAULT '',
    features_json    TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (listing_id, position)
) WITHOUT ROWID;

CREATE TABLE featured (
    id          INTEGER PRIMARY KEY,
    listing_id  INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    market_id   INTEGER REFERENCES markets(id) ON DELETE CASCADE,
    category_id INTEGER REFERENCES categories(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    promoted    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ux_featured ON featured(listing_id, IFNULL(market_id, 0), IFNULL(category_id, 0));

CREATE TABLE news (
    id          INTEGER PRIMARY KEY,
    short_title TEXT    NOT NULL,
    published   INTEGER NOT NULL, -- epoch milliseconds, as the wire carries it
    url         TEXT    NOT NULL UNIQUE
);

-- Install counts by day: recent installs are a sum over the last 30 days, and counting an
-- install is one upsert that does not touch the change log.
CREATE TABLE install_days (
    listing_id INTEGER NOT NULL REFERENCES listings(id) ON DELETE CASCADE,
    day        INTEGER NOT NULL, -- days since the epoch, UTC
    installs   INTEGER NOT NULL,
    PRIMARY KEY (listing_id, day)
) WITHOUT ROWID;

CREATE TABLE install_errors (
    id               INTEGER PRIMARY KEY,
    reported_at      INTEGER NOT NULL, -- epoch seconds
    client           TEXT    NOT NULL,
    os               TEXT    NOT NULL,
    platform_version TEXT    NOT NULL,
    status           INTEGER NOT NULL,
    status_message   TEXT    NOT NULL,
    node_ids         TEXT    NOT NULL, -- comma separated
    ius              TEXT    NOT NULL, -- newline separated id,version
    detailed_message TEXT    NOT NULL
);

-- One row: when anything a response shows last changed, counters included (Last-Modified).
CREATE TABLE store_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    last_modified INTEGER NOT NULL -- epoch milliseconds
);
INSERT INTO store_state (id, last_modified) VALUES (1, 0);
