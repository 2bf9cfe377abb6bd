/**
 * crudkit's JPA and JDBC defaults, which make the efficient way of querying the default.
 */
@NullMarked
package io.github.crudkit.query.autoconfigure;

import org.jspecify.annotations.NullMarked;
