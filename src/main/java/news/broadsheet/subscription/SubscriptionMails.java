package news.broadsheet.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.Clock;
import news.broadsheet.web.Html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The mails a subscriber receives, written to the outbox; every one carries the RFC 8058 one-click unsubscribe. */
@ApplicationScoped
class SubscriptionMails {

    private final BroadsheetConfig.Subscriptions config;
    private final String siteTitle;

    SubscriptionMails(BroadsheetConfig config) {
        this.config = config.subscriptions();
        this.siteTitle = config.site().title();
    }

    /** Names nobody: until it is confirmed, a sign-up's name is what anybody typed into a form. */
    void confirmation(Subscription subscriber, String token) {
        String confirm = link(config.confirmUrl(), token);
        queue(subscriber, token, "Confirm your subscription to " + siteTitle,
                "Hello,\n\nplease confirm that you want our newsletters by opening this link"
                        + " within " + config.confirmationWindow().toHours() + " hours:\n\n" + confirm + "\n\n"
                        + "If you did not sign up, ignore this message and you will hear nothing more from us.\n",
                "<p>Hello,</p><p>please confirm that you want our newsletters:</p>"
                        + "<p><a href=\"" + Html.escape(confirm) + "\">Confirm my subscription</a></p>"
                        + "<p>If you did not sign up, ignore this message and you will hear nothing more from us.</p>");
    }

    void alreadySubscribed(Subscription subscriber, String token) {
        String preferences = link(config.preferencesUrl(), token);
        queue(subscriber, token, "You are already subscribed to " + siteTitle,
                "Hello" + greeting(subscriber) + ",\n\nthis address already receives our newsletters."
                        + " Manage your preferences here:\n\n" + preferences + "\n",
                "<p>Hello" + Html.escape(greeting(subscriber)) + ",</p><p>this address already receives our newsletters.</p>"
                        + "<p><a href=\"" + Html.escape(preferences) + "\">Manage your preferences</a></p>");
    }

    private void queue(Subscription subscriber, String token, String subject, String text, String html) {
        OutboxMail mail = new OutboxMail();
        mail.id = UUID.randomUUID();
        mail.subscriptionId = subscriber.id;
        mail.recipient = subscriber.email;
        mail.subject = subject;
        mail.textBody = text;
        mail.htmlBody = "<!DOCTYPE html><html><body>" + html + "</body></html>";
        mail.listUnsubscribe = config.apiUrl().replaceAll("/+$", "") + "/api/v1/subscriptions/unsubscribe?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        mail.createdAt = Clock.now();
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
    }

    private static String link(String template, String token) {
        return template.replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static String greeting(Subscription subscriber) {
        return subscriber.name == null || subscriber.name.isBlank() ? "" : " " + subscriber.name;
    }
}
