/**
 * Auto-configuration of crudkit's model guards.
 */
@NullMarked
package io.github.crudkit.model.autoconfigure;

import org.jspecify.annotations.NullMarked;
