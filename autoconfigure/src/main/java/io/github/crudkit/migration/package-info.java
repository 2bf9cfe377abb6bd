/**
 * Start-up verification that the database's applied migrations match the application's
 * Liquibase changelog.
 */
@NullMarked
package io.github.crudkit.migration;

import org.jspecify.annotations.NullMarked;
