/**
 * Statement counts per request and per transaction, and the N+1 guard built on them.
 */
@NullMarked
package io.github.crudkit.statements;

import org.jspecify.annotations.NullMarked;
