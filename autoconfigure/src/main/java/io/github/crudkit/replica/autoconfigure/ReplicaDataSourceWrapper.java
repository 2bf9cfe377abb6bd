package io.github.crudkit.replica.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Puts Boot's {@code dataSource} pool (the primary) behind a
 * {@link ReplicaAwareDataSource} with one pool per replica, each with the primary's pool
 * settings, the replica's URL and credentials, and a short connection timeout. Ordered,
 * so that it runs before crudkit's statement counting wraps the result: the counter and
 * the N+1 guard then see the statements of every pool.
 */
final class ReplicaDataSourceWrapper implements BeanPostProcessor, Ordered {

	static final String BEAN_NAME = "dataSource";

	private final CrudkitReplicaProperties properties;

	ReplicaDataSourceWrapper(CrudkitReplicaProperties properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource primary && BEAN_NAME.equals(beanName)) {
			ReplicaRoutingDataSource routing = new ReplicaRoutingDataSource(primary, replicas(primary),
					this.properties.maxLag(), this.properties.checkInterval());
			routing.start();
			return new ReplicaAwareDataSource(routing);
		}
		return bean;
	}

	private List<Replica> replicas(HikariDataSource primary) {
		List<Replica> replicas = new ArrayList<>();
		List<String> urls = this.properties.allUrls();
		for (int i = 0; i < urls.size(); i++) {
			String name = "replica-" + (i + 1);
			HikariConfig config = new HikariConfig();
			primary.copyStateTo(config);
			config.setJdbcUrl(urls.get(i));
			String username = this.properties.username();
			if (username != null) {
				config.setUsername(username);
			}
			String password = this.properties.password();
			if (password != null) {
				config.setPassword(password);
			}
			config.setPoolName(((primary.getPoolName() != null) ? primary.getPoolName() : "HikariPool") + "-" + name);
			config.setConnectionTimeout(Math.max(250, this.properties.connectionTimeout().toMillis()));
			config.setValidationTimeout(Math.min(config.getValidationTimeout(), config.getConnectionTimeout()));
			// A replica that is down at start-up must not stop the application: its pool
			// fills once it answers.
			config.setInitializationFailTimeout(-1);
			config.setReadOnly(true);
			replicas.add(new Replica(name, new HikariDataSource(config)));
		}
		return replicas;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
