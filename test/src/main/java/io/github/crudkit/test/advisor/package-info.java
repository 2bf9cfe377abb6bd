/**
 * Test assertions on the JPA mapping advisor.
 */
@NullMarked
package io.github.crudkit.test.advisor;

import org.jspecify.annotations.NullMarked;
