package io.github.crudkit.sample.hero;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.crudkit.pagination.SortableBy;

/**
 * The orders of every page of heroes, named once: by name (regardless of case), age,
 * creation time or id, always ending with the id.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SortableBy(value = { "name", "age", "createdAt", "id" }, ignoreCase = "name", entity = Hero.class)
@interface HeroSort {

}
