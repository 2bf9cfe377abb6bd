/**
 * The JPA mapping advisor: mapping choices that make a JPA service slow or wrong, each
 * reported with a code, why it matters and the fix.
 */
@NullMarked
package io.github.crudkit.advisor;

import org.jspecify.annotations.NullMarked;
