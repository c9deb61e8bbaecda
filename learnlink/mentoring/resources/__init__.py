"""Outside expertise: a library of documents, links, guides and contacts of experts who are not
members, tagged by enterprise and theme; attached to threads by mentors and suggested on thread
pages by matching words; found by `search@` and the search page through the exchange's registry
of search sections."""
