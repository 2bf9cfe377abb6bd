/**
 * crudkit's operational defaults: connection and statement timeouts that fail fast,
 * graceful shutdown, liveness and readiness probes.
 */
@NullMarked
package io.github.crudkit.operations.autoconfigure;

import org.jspecify.annotations.NullMarked;
