package news.broadsheet.subscription;

public enum SubscriptionStatus {
    PENDING, ACTIVE, UNSUBSCRIBED
}
