-- SQLite's migration 3 dropped the foreign key that deleted installs by day with their listing. Here install_days
-- was created without it (migration 1), so there is nothing to change; the number is kept so both providers
-- count their schema alike.
SELECT 1;
