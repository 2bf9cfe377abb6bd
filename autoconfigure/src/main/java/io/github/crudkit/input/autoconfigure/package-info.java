/**
 * Auto-configuration of crudkit's strict request reading and request-body limit.
 */
@NullMarked
package io.github.crudkit.input.autoconfigure;

import org.jspecify.annotations.NullMarked;
