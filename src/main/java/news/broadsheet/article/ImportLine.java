package news.broadsheet.article;

/** One line of an import, validated as a single upload would be: its number (from 1), its size, and the upload, keyed by slug. */
record ImportLine(long number, int bytes, ArticleInput input) {
}
