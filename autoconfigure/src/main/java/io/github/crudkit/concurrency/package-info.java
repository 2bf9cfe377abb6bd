/**
 * Optimistic concurrency over HTTP: {@code ETag} from the entity version,
 * {@code If-Match} checked before a write.
 */
@NullMarked
package io.github.crudkit.concurrency;

import org.jspecify.annotations.NullMarked;
