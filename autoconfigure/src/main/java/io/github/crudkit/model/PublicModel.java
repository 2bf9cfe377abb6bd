package io.github.crudkit.model;

/**
 * Role of a response record: what clients see of a resource. It never carries a
 * {@link WriteOnly} field, and it is built from an entity on the server side (by
 * convention a static {@code from(entity)} factory).
 *
 * @since 0.1.0
 */
public interface PublicModel {

}
