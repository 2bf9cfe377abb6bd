/**
 * Checks that make Liquibase migrations trustworthy: changelog conventions, the
 * up-down-up round trip, drift between the JPA mappings and the migrated schema, and the
 * schema's health (foreign keys with indexes, no duplicated indexes, ...).
 */
@NullMarked
package io.github.crudkit.liquibase;

import org.jspecify.annotations.NullMarked;
