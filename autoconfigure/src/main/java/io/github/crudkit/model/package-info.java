/**
 * The multiple-model pattern: entities stay on the server, records cross the web
 * boundary.
 */
@NullMarked
package io.github.crudkit.model;

import org.jspecify.annotations.NullMarked;
