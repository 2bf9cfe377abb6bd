/**
 * Auto-configuration of crudkit's schema health check at start-up.
 */
@NullMarked
package io.github.crudkit.liquibase.autoconfigure;

import org.jspecify.annotations.NullMarked;
