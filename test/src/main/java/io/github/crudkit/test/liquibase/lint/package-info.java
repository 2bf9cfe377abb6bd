/**
 * A lock-safety lint of Liquibase changelogs: the SQL that Liquibase would run on
 * PostgreSQL, checked for what locks or breaks a live table.
 */
@NullMarked
package io.github.crudkit.test.liquibase.lint;

import org.jspecify.annotations.NullMarked;
