/**
 * Read replicas: which reads may go to a replica, and the write positions that let a
 * client read its own writes from one.
 */
@NullMarked
package io.github.crudkit.replica;

import org.jspecify.annotations.NullMarked;
