/**
 * Helpers for the queries of list endpoints, statement counting and N+1 detection.
 */
@NullMarked
package io.github.crudkit.query;

import org.jspecify.annotations.NullMarked;
