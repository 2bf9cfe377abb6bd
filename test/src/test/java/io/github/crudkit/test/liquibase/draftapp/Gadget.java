package io.github.crudkit.test.liquibase.draftapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity one column ahead of its changelog: {@code color} is mapped but never
 * migrated.
 */
@Entity
@Table(name = "gadget")
public class Gadget {

	@Id
	Long id;

	String name;

	String color;

}
