/**
 * Auto-configuration of crudkit's read replicas: the routing data source, the lag
 * monitor, the read-your-writes filter, health and metrics.
 */
@NullMarked
package io.github.crudkit.replica.autoconfigure;

import org.jspecify.annotations.NullMarked;
