package io.github.crudkit.replica.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.crudkit.replica.ReadRouting;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of crudkit's read replicas.
 *
 * @param enabled Whether read-only transactions and crudkit's reads in auto-commit go to
 * the read replicas that url and urls name. Without any, nothing changes.
 * @param url JDBC URL of a streaming read replica of the primary (spring.datasource.url).
 * @param urls JDBC URLs of further read replicas, used in turn with url.
 * @param username Login user of the replicas; the primary's when unset.
 * @param password Login password of the replicas; the primary's when unset.
 * @param maxLag How far behind the primary a replica may be and still serve reads that
 * carry no read-your-writes position; one further behind is skipped.
 * @param checkInterval How often each replica's replay position, and the primary's write
 * position, are read to measure the lag; keep it well below max-lag.
 * @param connectionTimeout How long a read waits for a replica's connection before it
 * goes to the primary instead.
 * @param header Request and response header that carries a client's read-your-writes
 * position: the primary's WAL position after the client's last write.
 * @since 0.1.0
 */
@ConfigurationProperties("crudkit.replica")
public record CrudkitReplicaProperties(@DefaultValue("true") boolean enabled, @Nullable String url,
		@DefaultValue List<String> urls, @Nullable String username, @Nullable String password,
		@DefaultValue("1s") Duration maxLag, @DefaultValue("250ms") Duration checkInterval,
		@DefaultValue("1s") Duration connectionTimeout, @DefaultValue(ReadRouting.DEFAULT_HEADER) String header) {

	/**
	 * Return every replica URL: {@code url}, then {@code urls}.
	 * @return the URLs, empty when none is configured
	 */
	public List<String> allUrls() {
		List<String> all = new ArrayList<>();
		if (this.url != null && !this.url.isBlank()) {
			all.add(this.url.strip());
		}
		for (String each : this.urls) {
			if (!each.isBlank()) {
				all.add(each.strip());
			}
		}
		return all;
	}

}
