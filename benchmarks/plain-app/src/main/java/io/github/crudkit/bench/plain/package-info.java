/**
 * The start-up yardstick: the same starters and entities as the sample, without crudkit.
 */
@NullMarked
package io.github.crudkit.bench.plain;

import org.jspecify.annotations.NullMarked;
