/**
 * Auto-configuration of crudkit's OpenAPI document customizers.
 */
@NullMarked
package io.github.crudkit.openapi.autoconfigure;

import org.jspecify.annotations.NullMarked;
