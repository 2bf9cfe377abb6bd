package io.github.crudkit.datasource.autoconfigure;

import java.time.Duration;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.datasource.DatabaseUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DatabaseStartupCheckTests {

	private static final String UNREACHABLE_URL = "jdbc:postgresql://127.0.0.1:1/nothing?password=s3cret";

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@Test
	void throwsExceptionNamingUrlWithoutPasswordWhenServerIsUnreachable() {
		assertThatExceptionOfType(DatabaseUnavailableException.class)
			.isThrownBy(() -> DatabaseStartupCheck.check(UNREACHABLE_URL, "postgres", null, new Properties(), TIMEOUT))
			.withMessageStartingWith("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nothing: ")
			.withMessageNotContaining("s3cret")
			.satisfies((ex) -> assertThat(ex.getUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/nothing"));
	}

	@Test
	void failureAnalysisOfCheckNamesUrlWithoutPassword() {
		DatabaseUnavailableException ex = catchThrowableOfType(DatabaseUnavailableException.class,
				() -> DatabaseStartupCheck.check(UNREACHABLE_URL, "postgres", null, new Properties(), TIMEOUT));
		FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer()
			.analyze(new RuntimeException(new BeanCreationException("dataSource", "Initialization failed", ex)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("jdbc:postgresql://127.0.0.1:1/nothing")
			.doesNotContain("s3cret");
		assertThat(analysis.getAction()).contains("jdbc:postgresql://127.0.0.1:1/nothing").doesNotContain("s3cret");
		assertThat(analysis.getCause()).isSameAs(ex);
	}

	@Test
	void messageNeverContainsPasswordEvenWhenDriverRepeatsUrl() {
		assertThatExceptionOfType(DatabaseUnavailableException.class)
			.isThrownBy(() -> DatabaseStartupCheck.check(
					"jdbc:crudkit-no-such-driver://127.0.0.1:1/nothing?password=s3cret", "postgres", "0ther",
					new Properties(), TIMEOUT))
			.withMessageContaining("jdbc:crudkit-no-such-driver://127.0.0.1:1/nothing")
			.withMessageNotContaining("s3cret")
			.withMessageNotContaining("0ther");
	}

	@Test
	void messageNeverContainsPasswordGivenAsUserInfo() {
		assertThatExceptionOfType(DatabaseUnavailableException.class)
			.isThrownBy(() -> DatabaseStartupCheck.check("jdbc:postgresql://app:s3cret@127.0.0.1:1/nothing", null, null,
					new Properties(), TIMEOUT))
			.withMessageContaining("jdbc:postgresql://127.0.0.1:1/nothing")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void checksHikariDataSourceBeforeItIsUsed() {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nothing");
			dataSource.setUsername("app");
			dataSource.setPassword("s3cret");
			dataSource.setConnectionTimeout(TIMEOUT.toMillis());
			assertThatExceptionOfType(DatabaseUnavailableException.class)
				.isThrownBy(() -> new DatabaseStartupCheck().postProcessAfterInitialization(dataSource, "dataSource"))
				.withMessageStartingWith("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nothing: ")
				.withMessageNotContaining("s3cret");
		}
	}

	@Test
	void leavesHikariDataSourceWithoutUrlAlone() {
		try (HikariDataSource dataSource = new HikariDataSource()) {
			assertThat(new DatabaseStartupCheck().postProcessAfterInitialization(dataSource, "dataSource"))
				.isSameAs(dataSource);
		}
	}

	@Test
	void leavesOtherBeansAlone() {
		Object bean = new Object();
		assertThat(new DatabaseStartupCheck().postProcessAfterInitialization(bean, "bean")).isSameAs(bean);
	}

}
