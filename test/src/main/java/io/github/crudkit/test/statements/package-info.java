/**
 * AssertJ assertions on the SQL statements a request or transaction ran.
 */
@NullMarked
package io.github.crudkit.test.statements;

import org.jspecify.annotations.NullMarked;
