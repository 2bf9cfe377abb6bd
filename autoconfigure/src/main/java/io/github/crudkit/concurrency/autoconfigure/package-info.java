/**
 * Auto-configuration of crudkit's {@code ETag} support.
 */
@NullMarked
package io.github.crudkit.concurrency.autoconfigure;

import org.jspecify.annotations.NullMarked;
