/**
 * Retried writes answered once: the {@code Idempotency-Key} of a {@code POST} or
 * {@code PATCH}, its record in PostgreSQL and the problems it answers.
 */
@NullMarked
package io.github.crudkit.idempotency;

import org.jspecify.annotations.NullMarked;
