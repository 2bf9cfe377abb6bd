/**
 * Auto-configuration of crudkit's migration verification.
 */
@NullMarked
package io.github.crudkit.migration.autoconfigure;

import org.jspecify.annotations.NullMarked;
