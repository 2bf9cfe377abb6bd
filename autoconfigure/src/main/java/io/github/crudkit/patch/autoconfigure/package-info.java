/**
 * Auto-configuration of crudkit's merge-patch support.
 */
@NullMarked
package io.github.crudkit.patch.autoconfigure;

import org.jspecify.annotations.NullMarked;
