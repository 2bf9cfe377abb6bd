package io.github.crudkit.test.liquibase.draftapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small JPA and Liquibase application, as a user's would be, for
 * {@code DraftChangelog}.
 */
@SpringBootApplication
public class DraftFixtureApplication {

}
