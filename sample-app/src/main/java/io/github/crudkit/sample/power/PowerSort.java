package io.github.crudkit.sample.power;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.crudkit.pagination.SortableBy;

/**
 * The sort whitelist of the power lists: {@code category} sorts by its name as text,
 * {@code name} regardless of case.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SortableBy(value = { "name", "category", "createdAt", "id" }, ignoreCase = "name", entity = Power.class)
@interface PowerSort {

}
