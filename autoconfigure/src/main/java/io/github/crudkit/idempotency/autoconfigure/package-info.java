/**
 * Auto-configuration of crudkit's {@code Idempotency-Key} support.
 */
@NullMarked
package io.github.crudkit.idempotency.autoconfigure;

import org.jspecify.annotations.NullMarked;
