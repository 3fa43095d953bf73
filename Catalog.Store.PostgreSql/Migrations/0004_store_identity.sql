-- Which store this is: a random id made once. The search index of each replica records it, so an index built
-- from another database is noticed and rebuilt instead of being followed by change number alone.
CREATE TABLE store_identity (
    id text NOT NULL
);
INSERT INTO store_identity (id) VALUES (replace(gen_random_uuid()::text, '-', ''));
