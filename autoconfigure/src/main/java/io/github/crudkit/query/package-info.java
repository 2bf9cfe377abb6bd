/**
 * Helpers for application queries: fetch plans for specifications, LIKE patterns, larger
 * JDBC batches.
 */
@NullMarked
package io.github.crudkit.query;

import org.jspecify.annotations.NullMarked;
