/**
 * Powers: a resource with an enum ({@code category}), an array column ({@code tags}) and
 * soft delete (a power is retired, never deleted); its entity, records, repository,
 * service and HTTP endpoints.
 */
@NullMarked
package io.github.crudkit.sample.power;

import org.jspecify.annotations.NullMarked;
