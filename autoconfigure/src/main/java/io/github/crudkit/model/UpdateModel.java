package io.github.crudkit.model;

/**
 * Role of a record that a JSON Merge Patch is applied to: it holds every writable field
 * of the resource (by convention built by a static {@code from(entity)} factory), and
 * {@code io.github.crudkit.patch.MergePatcher} merges the patch into it and validates the
 * result.
 *
 * @since 0.1.0
 */
public interface UpdateModel {

}
