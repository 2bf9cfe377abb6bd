/**
 * Checks of the application's own code at start-up, every problem of every check reported
 * in one failure.
 */
@NullMarked
package io.github.crudkit.startup;

import org.jspecify.annotations.NullMarked;
