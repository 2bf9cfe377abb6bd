/**
 * Auto-configuration of crudkit's paging and sorting.
 */
@NullMarked
package io.github.crudkit.pagination.autoconfigure;

import org.jspecify.annotations.NullMarked;
