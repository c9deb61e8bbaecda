"""`learnlink backup` and `learnlink restore`: the database in its engine's own format, the
attachment store (MEDIA_ROOT: message attachments, the mentors' library, guide documents) and a
manifest of counts and checksums. The raw mail is in the database (InboundMessage.raw), so the
dump holds it; the manifest counts it. They live in web, the top layer, because they read
every app's records (as `learnlink demo` loads every app's)."""
