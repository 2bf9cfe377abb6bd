/**
 * Auto-configuration of crudkit's start-up checks.
 */
@NullMarked
package io.github.crudkit.startup.autoconfigure;

import org.jspecify.annotations.NullMarked;
