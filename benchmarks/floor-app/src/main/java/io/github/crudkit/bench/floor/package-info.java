/**
 * The benchmark's floor: the sample's endpoints by hand with {@code JdbcClient}.
 */
@NullMarked
package io.github.crudkit.bench.floor;

import org.jspecify.annotations.NullMarked;
