package news.broadsheet.subscription;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.web.problem.TooManyRequests;

import java.time.Duration;

/**
 * Sign-ups per client address: a Bucket4j token bucket of {@code burst} sign-ups refilled at {@code per-minute},
 * kept in memory per instance (buckets of quiet addresses are dropped after ten minutes).
 */
@ApplicationScoped
class SignUpRateLimit {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();
    private final int perMinute;
    private final int burst;

    SignUpRateLimit(BroadsheetConfig config) {
        this.perMinute = config.subscriptions().rateLimit().perMinute();
        this.burst = config.subscriptions().rateLimit().burst();
    }

    /** @throws TooManyRequests when this address has signed up too often */
    void check(String clientAddress) {
        Bucket bucket = buckets.get(clientAddress, address -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyRequests(seconds);
        }
    }
}
