package news.broadsheet.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.web.problem.NotImplemented;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets in Standard Webhooks' form ({@code whsec_} and 32 random bytes in base64), stored encrypted with
 * AES-256-GCM under broadsheet.webhooks.secret-key, bound to their webhook's id: a copy of the database alone gives no
 * usable secret, and one webhook's ciphertext does not decrypt as another's.
 */
@ApplicationScoped
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKey> key;

    WebhookSecrets(BroadsheetConfig config) {
        this.key = config.webhooks().secretKey().map(WebhookSecrets::key);
    }

    private static SecretKey key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("broadsheet.webhooks.secret-key must be 32 bytes in base64 (openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("broadsheet.webhooks.secret-key must be 32 bytes in base64 (openssl rand -base64 32), not "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** @throws NotImplemented while no key is configured: webhooks cannot be created then */
    byte[] seal(String secret, UUID webhook) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, webhook, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    String open(byte[] sealed, UUID webhook) {
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        byte[] ciphertext = java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, webhook, ciphertext), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, UUID webhook, byte[] input) {
        SecretKey secretKey = key.orElseThrow(() -> new NotImplemented(
                "Webhooks need broadsheet.webhooks.secret-key (BROADSHEET_WEBHOOKS_SECRET_KEY: 32 bytes in base64, such as the output of "
                        + "'openssl rand -base64 32') to keep their signing secrets encrypted; ask the operator to set it"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, secretKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(webhook.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + "; was broadsheet.webhooks.secret-key changed?", e);
        }
    }
}
