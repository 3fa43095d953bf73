-- Which store this is: a random id made once, when the database is created or first migrated past 3. The search
-- index (and any other derived view) records it, so an index built from another database is noticed and rebuilt
-- instead of being followed by change number alone.
CREATE TABLE store_identity (
    id TEXT NOT NULL
);
INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))));
