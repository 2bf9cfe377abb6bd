/**
 * Strict reading of requests: JSON bodies, path variables and query parameters that mean
 * exactly one thing, and the problem of a body that cannot be read.
 */
@NullMarked
package io.github.crudkit.input;

import org.jspecify.annotations.NullMarked;
