/**
 * Auto-configuration of the JPA mapping advisor at start-up.
 */
@NullMarked
package io.github.crudkit.advisor.autoconfigure;

import org.jspecify.annotations.NullMarked;
