/**
 * Start-up checks of the application's database connection.
 */
@NullMarked
package io.github.crudkit.datasource;

import org.jspecify.annotations.NullMarked;
