/**
 * Auto-configuration of crudkit's statement counting, N+1 detection and JPA defaults.
 */
@NullMarked
package io.github.crudkit.query.autoconfigure;

import org.jspecify.annotations.NullMarked;
