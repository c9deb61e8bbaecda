"""Full-text search over the archive: one interface, two engines.

Other apps hand this one plain `Document`s (it never imports them; `exchange` imports it) and ask
`search()` with the set of groups the user may see. SQLite databases search with FTS5,
PostgreSQL databases with a tsvector column; which one follows from the database in use. The
public functions live in `learnlink.search.engine`.
"""
