package io.github.crudkit.datasource.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.datasource.DatabaseUnavailableException;
import io.github.crudkit.datasource.JdbcUrls;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.NestedExceptionUtils;

/**
 * Opens one connection with the pool's settings before anything else uses the pool, so
 * that a wrong or unreachable database URL stops start-up with a single
 * {@link DatabaseUnavailableException} naming the URL (never the password), instead of a
 * connection pool's stack trace.
 */
final class DatabaseStartupCheck implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(DatabaseStartupCheck.class);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		HikariDataSource dataSource = pool(bean);
		if (dataSource != null && dataSource.getJdbcUrl() != null && !dataSource.isRunning()) {
			check(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword(),
					dataSource.getDataSourceProperties(), Duration.ofMillis(dataSource.getConnectionTimeout()));
		}
		return bean;
	}

	/**
	 * Return the pool itself, or the one a wrapper (crudkit's replica routing, say) puts
	 * first and unwraps to.
	 */
	private static @Nullable HikariDataSource pool(Object bean) {
		if (bean instanceof HikariDataSource pool) {
			return pool;
		}
		if (bean instanceof DataSource dataSource) {
			try {
				return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class)
						: null;
			}
			catch (SQLException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Open and close one connection.
	 * @param url the JDBC URL
	 * @param username the user name, if any
	 * @param password the password, if any
	 * @param driverProperties further driver properties
	 * @param timeout how long the driver may take to connect
	 * @throws DatabaseUnavailableException if no connection can be opened
	 */
	public static void check(String url, @Nullable String username, @Nullable String password,
			Properties driverProperties, Duration timeout) {
		Properties properties = new Properties();
		properties.putAll(driverProperties);
		if (username != null) {
			properties.setProperty("user", username);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		long seconds = Math.max(1, timeout.toSeconds());
		properties.putIfAbsent("loginTimeout", Long.toString(seconds));
		properties.putIfAbsent("connectTimeout", Long.toString(seconds));
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Database reachable at " + JdbcUrls.redact(url) + ": "
						+ connection.getMetaData().getDatabaseProductVersion());
			}
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException(JdbcUrls.redact(url), JdbcUrls.scrub(reason(ex), url, password), ex);
		}
	}

	private static String reason(SQLException ex) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		if (cause != ex && cause.getMessage() != null) {
			message = message + " (" + cause.getMessage() + ")";
		}
		return message.replace('\n', ' ').strip();
	}

}
