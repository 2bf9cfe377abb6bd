/**
 * A Hero/Team CRUD service built on the crudkit starter: a template for new services.
 */
@NullMarked
package io.github.crudkit.sample;

import org.jspecify.annotations.NullMarked;
