/**
 * Exceptions that services throw and the handler that turns every failure into an RFC
 * 9457 problem detail.
 */
@NullMarked
package io.github.crudkit.error;

import org.jspecify.annotations.NullMarked;
