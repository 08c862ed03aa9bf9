package news.broadsheet.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.auth.TokenSecrets;
import news.broadsheet.database.Clock;
import news.broadsheet.database.WriteLocks;
import news.broadsheet.section.SectionRepository;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.web.problem.FieldError;
import news.broadsheet.web.problem.InvalidInput;
import news.broadsheet.web.problem.NotFound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionService {

    private final EntityManager entityManager;
    private final SectionRepository sections;
    private final SubscriptionMails mails;
    private final WriteLocks locks;
    private final Duration confirmationWindow;

    SubscriptionService(EntityManager entityManager, SectionRepository sections, SubscriptionMails mails, WriteLocks locks,
                        BroadsheetConfig config) {
        this.entityManager = entityManager;
        this.sections = sections;
        this.mails = mails;
        this.locks = locks;
        this.confirmationWindow = config.subscriptions().confirmationWindow();
    }

    /**
     * Double opt-in: a new, pending or unsubscribed address gets a confirmation mail, an active one a reminder of
     * its preferences; the caller learns nothing of which happened. A known subscriber's choices stay as they are:
     * the sign-up's choices travel with the confirmation token and take effect only when that mail is confirmed, so
     * whoever signs up somebody else's address cannot change what the owner chose or confirms.
     */
    @Transactional
    public void signUp(SignUp input, String clientAddress) {
        List<String> chosenSections = existingSections(input.sections());
        String email = normalize(input.email());
        locks.lock("subscriber", email.toLowerCase(Locale.ROOT)); // parallel sign-ups of one address make one subscriber
        Instant now = Clock.now();
        Subscription subscriber = findByEmail(email).orElse(null);
        String token = TokenSecrets.randomSecret();
        if (subscriber != null && subscriber.status == SubscriptionStatus.ACTIVE) {
            issue(subscriber, token, now);
            mails.alreadySubscribed(subscriber, token);
            return;
        }
        SubscriptionToken confirmation = new SubscriptionToken();
        confirmation.signUpName = input.name() == null || input.name().isBlank() ? null : input.name().strip();
        confirmation.signUpSections = new ArrayList<>(chosenSections);
        confirmation.signUpNewsletters = new ArrayList<>(wireNames(input.newsletters()));
        confirmation.consentAt = now;
        confirmation.consentAddress = clientAddress;
        if (subscriber == null) {
            subscriber = new Subscription();
            subscriber.id = UUID.randomUUID();
            subscriber.email = email;
            subscriber.createdAt = now;
            subscriber.updatedAt = now;
            subscriber.status = SubscriptionStatus.PENDING;
            confirmation.subscription = subscriber;
            apply(confirmation); // nobody's choices to keep: the pending subscriber shows what it was signed up for
            entityManager.persist(subscriber);
        }
        issue(confirmation, subscriber, token, now);
        mails.confirmation(subscriber, token);
    }

    private static void apply(SubscriptionToken signUp) {
        Subscription subscriber = signUp.subscription;
        subscriber.name = signUp.signUpName == null ? subscriber.name : signUp.signUpName;
        subscriber.sections = new ArrayList<>(signUp.signUpSections);
        subscriber.newsletters = new ArrayList<>(signUp.signUpNewsletters);
        subscriber.consentAt = signUp.consentAt;
        subscriber.consentAddress = signUp.consentAddress;
    }

    /**
     * PENDING or UNSUBSCRIBED -> ACTIVE, with a token issued within the confirmation window, taking the choices of the
     * sign-up that token was mailed for; confirming twice is harmless, and an active subscriber's choices stay.
     */
    @Transactional
    public PreferencesView confirm(String token) {
        SubscriptionToken held = token(token);
        if (held.issuedAt.plus(confirmationWindow).isBefore(Instant.now())) {
            throw new NotFound("subscription token", "(expired)");
        }
        Subscription subscriber = held.subscription;
        if (subscriber.status != SubscriptionStatus.ACTIVE) {
            if (held.carriesSignUp()) {
                apply(held);
            }
            subscriber.status = SubscriptionStatus.ACTIVE;
            subscriber.confirmedAt = Clock.now();
            subscriber.unsubscribedAt = null;
            subscriber.updatedAt = subscriber.confirmedAt;
        }
        return PreferencesView.from(subscriber);
    }

    @Transactional
    public PreferencesView preferences(String token) {
        return PreferencesView.from(token(token).subscription);
    }

    @Transactional
    public PreferencesView changePreferences(String token, PreferencesInput input) {
        Subscription subscriber = token(token).subscription;
        subscriber.sections = new ArrayList<>(existingSections(input.sections()));
        subscriber.newsletters = new ArrayList<>(wireNames(input.newsletters()));
        if (input.name() != null) {
            subscriber.name = input.name().isBlank() ? null : input.name().strip();
        }
        subscriber.updatedAt = Clock.now();
        return PreferencesView.from(subscriber);
    }

    /** Idempotent: unsubscribing again changes nothing. */
    @Transactional
    public PreferencesView unsubscribe(String token) {
        Subscription subscriber = token(token).subscription;
        if (subscriber.status != SubscriptionStatus.UNSUBSCRIBED) {
            subscriber.status = SubscriptionStatus.UNSUBSCRIBED;
            subscriber.unsubscribedAt = Clock.now();
            subscriber.updatedAt = subscriber.unsubscribedAt;
        }
        return PreferencesView.from(subscriber);
    }

    @Transactional
    public SubscriberView get(String id) {
        return SubscriberView.from(find(id));
    }

    /** Erases the person: the subscription, its tokens and its mails, queued or sent. */
    @Transactional
    public void erase(String id) {
        entityManager.remove(find(id));
    }

    private Subscription find(String id) {
        try {
            return Optional.ofNullable(entityManager.find(Subscription.class, UUID.fromString(id)))
                    .orElseThrow(() -> new NotFound("subscriber", id));
        } catch (IllegalArgumentException e) {
            throw new NotFound("subscriber", id);
        }
    }

    private SubscriptionToken token(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new NotFound("subscription token", "(given)");
        }
        return Optional.ofNullable(entityManager.find(SubscriptionToken.class, TokenSecrets.hash(token)))
                .orElseThrow(() -> new NotFound("subscription token", "(given)"));
    }

    private void issue(Subscription subscriber, String token, Instant now) {
        issue(new SubscriptionToken(), subscriber, token, now);
    }

    private void issue(SubscriptionToken issued, Subscription subscriber, String token, Instant now) {
        issued.hash = TokenSecrets.hash(token);
        issued.subscription = subscriber;
        issued.issuedAt = now;
        entityManager.persist(issued);
    }

    private Optional<Subscription> findByEmail(String email) {
        return entityManager.createQuery("from Subscription s where lower(s.email) = lower(:email)", Subscription.class)
                .setParameter("email", email).getResultStream().findFirst();
    }

    private List<String> existingSections(List<String> slugs) {
        if (slugs == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            if (!sections.slugTaken(slugs.get(i))) {
                errors.add(UnknownSection.error("sections[" + i + "]", slugs.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return slugs.stream().distinct().toList();
    }

    private static List<String> wireNames(List<Newsletter> newsletters) {
        return newsletters == null ? List.of() : newsletters.stream().distinct().map(Newsletter::wireName).toList();
    }

    /** The domain is lower-cased; the local part is kept as given. */
    static String normalize(String email) {
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at) + "@" + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
