package news.broadsheet.web.caching;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public read whose anonymous 200 answers the {@link ResponseCache} keeps, serialized, until the content changes;
 * it must depend only on the request line, the Host, Accept, and the stored content.
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CachedAnswer {
}
