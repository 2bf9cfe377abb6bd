/**
 * JSON Merge Patch (RFC 7396) applied to Update records: an absent property keeps its
 * value, {@code null} clears it.
 */
@NullMarked
package io.github.crudkit.patch;

import org.jspecify.annotations.NullMarked;
