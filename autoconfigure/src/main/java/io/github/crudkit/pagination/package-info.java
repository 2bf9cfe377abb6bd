/**
 * Paging and sorting of list endpoints: default and maximum page size, sort whitelists,
 * stable order.
 */
@NullMarked
package io.github.crudkit.pagination;

import org.jspecify.annotations.NullMarked;
