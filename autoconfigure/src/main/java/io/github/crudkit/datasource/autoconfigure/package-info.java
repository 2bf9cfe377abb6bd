/**
 * Auto-configuration of crudkit's database start-up check.
 */
@NullMarked
package io.github.crudkit.datasource.autoconfigure;

import org.jspecify.annotations.NullMarked;
