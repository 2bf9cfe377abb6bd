package io.github.crudkit.test.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test against a fresh PostgreSQL database: each distinct application
 * context gets a new, empty database on the {@linkplain TestPostgres#server() server of
 * the run}, set as {@code spring.datasource.url}, {@code username} and {@code password},
 * and dropped when the run ends. <pre class="code">
 * &#064;SpringBootTest
 * &#064;CrudkitTestDatabase
 * class HeroApiIntegrationTests { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface CrudkitTestDatabase {

}
