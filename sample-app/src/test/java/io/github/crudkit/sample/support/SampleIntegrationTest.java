package io.github.crudkit.sample.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.crudkit.test.postgres.CrudkitTestDatabase;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The sample on a random port against a fresh PostgreSQL database; tests talk to it over
 * HTTP with the {@link Api} bean ({@code @Autowired Api api}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CrudkitTestDatabase
@Import(SampleTestConfiguration.class)
public @interface SampleIntegrationTest {

}
