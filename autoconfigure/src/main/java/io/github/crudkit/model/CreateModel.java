package io.github.crudkit.model;

/**
 * Role of a request record that creates a resource: validated with Bean Validation, then
 * turned into an entity by the service ("validate Create → entity → save → Public").
 *
 * @since 0.1.0
 */
public interface CreateModel {

}
