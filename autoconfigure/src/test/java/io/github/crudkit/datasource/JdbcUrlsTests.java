package io.github.crudkit.datasource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTests {

	@Test
	void removesPasswordWhenItIsTheOnlyParameter() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?password=s3cret"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes");
	}

	@Test
	void removesPasswordWhenItIsTheFirstParameter() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?password=s3cret&ssl=true&user=app"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?ssl=true&user=app");
	}

	@Test
	void removesPasswordWhenItIsAMiddleParameter() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?ssl=true&password=s3cret&user=app"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?ssl=true&user=app");
	}

	@Test
	void removesPasswordWhenItIsTheLastParameter() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?ssl=true&user=app&password=s3cret"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?ssl=true&user=app");
	}

	@Test
	void removesPasswordParameterWhateverItsCase() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?ssl=true&Password=s3cret&user=app"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?ssl=true&user=app");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?PASSWORD=s3cret"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes");
	}

	@Test
	void removesPasswordParameterSeparatedBySemicolon() {
		assertThat(JdbcUrls.redact("jdbc:sqlserver://db:1433;user=app;password=s3cret"))
			.isEqualTo("jdbc:sqlserver://db:1433;user=app");
	}

	@Test
	void removesUserInfo() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://app:s3cret@db:5432/heroes"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes");
	}

	@Test
	void removesUserInfoAndPasswordParameterTogether() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://app:s3cret@db:5432/heroes?password=0ther&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?ssl=true");
	}

	@Test
	void leavesUrlWithoutSecretsUnchanged() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?ssl=true&user=app"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?ssl=true&user=app");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes")).isEqualTo("jdbc:postgresql://db:5432/heroes");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db1:5432,db2:5432/heroes?targetServerType=primary"))
			.isEqualTo("jdbc:postgresql://db1:5432,db2:5432/heroes?targetServerType=primary");
	}

	@Test
	void leavesParameterThatOnlyEndsInPasswordAloneWhenItIsNoSecret() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?passwordless=true"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?passwordless=true");
	}

	@Test
	void removesEveryPasswordParameter() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?password=first&password=second"))
			.doesNotContain("first")
			.doesNotContain("second");
	}

	@Test
	void removesSslPasswordParameter() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?sslmode=verify-full&sslpassword=s3cret"))
			.isEqualTo("jdbc:postgresql://db:5432/heroes?sslmode=verify-full");
	}

}
