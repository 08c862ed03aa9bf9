package news.broadsheet.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The same answer to every valid sign-up, so it tells nobody whether the address was known. */
@Schema(name = "SignUpAccepted", requiredProperties = "message")
public record SignUpAccepted(@Schema(examples = "Check your inbox: we sent a message to confirm your subscription") String message) {
    static final SignUpAccepted INSTANCE = new SignUpAccepted("Check your inbox: we sent a message to confirm your subscription");
}
