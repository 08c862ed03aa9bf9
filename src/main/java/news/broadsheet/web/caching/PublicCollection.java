package news.broadsheet.web.caching;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer depends only on the request and the stored content: its ETag comes from the
 * {@link news.broadsheet.database.ContentVersion}, so a matching If-None-Match answers 304 before anything is queried or rendered.
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicCollection {
}
