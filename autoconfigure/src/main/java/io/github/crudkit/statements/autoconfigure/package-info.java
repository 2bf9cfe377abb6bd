/**
 * Auto-configuration of crudkit's statement counting and N+1 guard.
 */
@NullMarked
package io.github.crudkit.statements.autoconfigure;

import org.jspecify.annotations.NullMarked;
