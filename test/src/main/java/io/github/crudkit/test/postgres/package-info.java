/**
 * A real PostgreSQL for tests and development runs, chosen automatically: a configured
 * server, a Testcontainers container, or an embedded server.
 */
@NullMarked
package io.github.crudkit.test.postgres;

import org.jspecify.annotations.NullMarked;
