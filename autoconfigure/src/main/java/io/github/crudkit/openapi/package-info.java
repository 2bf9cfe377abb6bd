/**
 * The OpenAPI document as crudkit's patterns answer: real success statuses, problem
 * responses, {@code ETag} and {@code If-Match}, stable operation ids, required and
 * nullable properties.
 */
@NullMarked
package io.github.crudkit.openapi;

import org.jspecify.annotations.NullMarked;
