/**
 * Heroes: the entity, its Create/Update/Public records, repository, service and HTTP
 * endpoints.
 */
@NullMarked
package io.github.crudkit.sample.hero;

import org.jspecify.annotations.NullMarked;
