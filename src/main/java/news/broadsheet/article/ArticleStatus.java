package news.broadsheet.article;

public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
