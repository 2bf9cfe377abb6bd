/**
 * Auto-configuration of crudkit's problem-details error mapping.
 */
@NullMarked
package io.github.crudkit.error.autoconfigure;

import org.jspecify.annotations.NullMarked;
