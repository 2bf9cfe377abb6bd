/**
 * Fault injection for tests: a TCP proxy that cuts and restores the way to a server.
 */
@NullMarked
package io.github.crudkit.test.faults;

import org.jspecify.annotations.NullMarked;
