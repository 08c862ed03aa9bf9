package news.broadsheet.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.Clock;
import news.broadsheet.event.EventType;
import news.broadsheet.web.MergePatch;
import news.broadsheet.web.problem.NotFound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Admins' management of webhooks: their targets, event types and secrets. Deliveries are {@link WebhookDeliveries}'. */
@ApplicationScoped
public class WebhookService {

    private final TargetAddresses targets;
    private final WebhookSecrets secrets;
    private final MergePatch mergePatch;
    private final Duration previousSecretLifetime;

    WebhookService(TargetAddresses targets, WebhookSecrets secrets, MergePatch mergePatch, BroadsheetConfig config) {
        this.targets = targets;
        this.secrets = secrets;
        this.mergePatch = mergePatch;
        this.previousSecretLifetime = config.webhooks().previousSecretLifetime();
    }

    @Transactional
    public NewWebhook create(WebhookInput input) {
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.createdAt = Clock.now();
        apply(webhook, input);
        String secret = WebhookSecrets.newSecret();
        webhook.secret = secrets.seal(secret, webhook.id);
        webhook.persist();
        return NewWebhook.of(WebhookView.of(webhook), secret);
    }

    public List<WebhookView> list() {
        return Webhook.<Webhook>find("kind = ?1 order by createdAt, id", Webhook.WEBHOOK).stream().map(WebhookView::of).toList();
    }

    public WebhookView get(UUID id) {
        return WebhookView.of(find(id, false));
    }

    @Transactional
    public WebhookView patch(UUID id, String patch) throws JsonProcessingException {
        Webhook webhook = find(id, true);
        WebhookInput current = new WebhookInput(webhook.url, webhook.events.stream().map(EventType::of).toList(), webhook.description,
                webhook.enabled);
        WebhookInput patched = mergePatch.apply(current, patch, WebhookInput.class);
        if (!patched.equals(current)) {
            apply(webhook, patched);
        }
        return WebhookView.of(webhook);
    }

    @Transactional
    public void delete(UUID id) {
        find(id, true).delete();
    }

    /** A new secret; the previous one signs too for previous-secret-lifetime, so receivers can switch without a gap. */
    @Transactional
    public RotatedSecret rotate(UUID id) {
        Webhook webhook = find(id, true);
        String secret = WebhookSecrets.newSecret();
        webhook.previousSecret = webhook.secret;
        webhook.previousSecretUntil = Clock.now().plus(previousSecretLifetime);
        webhook.secret = secrets.seal(secret, webhook.id);
        webhook.updatedAt = Clock.now();
        return new RotatedSecret(secret, webhook.previousSecretUntil);
    }

    private void apply(Webhook webhook, WebhookInput input) {
        webhook.url = targets.checked(input.url()).toString();
        webhook.events = input.events().stream().distinct().map(EventType::wireName).toList();
        webhook.description = input.description();
        boolean enable = input.enabledOrDefault();
        if (enable && !webhook.enabled) {
            webhook.disabledReason = null; // an admin turned it back on: a fresh start
            webhook.failingSince = null;
        }
        webhook.enabled = enable;
        webhook.updatedAt = Clock.now();
    }

    Webhook find(UUID id, boolean forUpdate) {
        Webhook webhook = forUpdate ? Webhook.findById(id, LockModeType.PESSIMISTIC_WRITE) : Webhook.findById(id);
        if (webhook == null || !Webhook.WEBHOOK.equals(webhook.kind)) {
            throw new NotFound("webhook", id.toString());
        }
        return webhook;
    }

    /** The secrets that sign a delivery now: the current one, and the previous one until it expires; none for the WebSub hub. */
    List<String> signingSecrets(Webhook webhook, Instant now) {
        if (!Webhook.WEBHOOK.equals(webhook.kind)) {
            return List.of();
        }
        String current = secrets.open(webhook.secret, webhook.id);
        if (webhook.previousSecret != null && webhook.previousSecretUntil != null && now.isBefore(webhook.previousSecretUntil)) {
            return List.of(current, secrets.open(webhook.previousSecret, webhook.id));
        }
        return List.of(current);
    }
}
