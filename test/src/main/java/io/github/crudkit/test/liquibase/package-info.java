/**
 * One-line migration checks for tests (conventions, round trip, drift, schema health) and
 * draft changelogs generated from the entities.
 */
@NullMarked
package io.github.crudkit.test.liquibase;

import org.jspecify.annotations.NullMarked;
