/**
 * An HTTP client for tests of an application's JSON API, with AssertJ assertions on its
 * responses and problem details.
 */
@NullMarked
package io.github.crudkit.test.web;

import org.jspecify.annotations.NullMarked;
