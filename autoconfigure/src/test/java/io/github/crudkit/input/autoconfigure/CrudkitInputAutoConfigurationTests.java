package io.github.crudkit.input.autoconfigure;

import java.nio.charset.StandardCharsets;

import io.github.crudkit.error.ProblemTypes;
import io.github.crudkit.error.ProblemWriter;
import io.github.crudkit.error.autoconfigure.CrudkitErrorAutoConfiguration;
import io.github.crudkit.input.JsonProblemResolver;
import io.github.crudkit.input.StrictJsonModule;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CrudkitInputAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitInputAutoConfiguration.class, JacksonAutoConfiguration.class));

	private final ApplicationContextRunner jacksonContextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitInputAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void readsJsonStrictlyByDefault() {
		this.jacksonContextRunner.run((context) -> {
			assertThat(context).hasSingleBean(StrictJsonModule.class);
			JsonMapper mapper = context.getBean(JsonMapper.class);
			assertThatExceptionOfType(MismatchedInputException.class)
				.isThrownBy(() -> mapper.readValue("{\"count\": 1.5}", Counted.class));
			assertThatExceptionOfType(MismatchedInputException.class)
				.isThrownBy(() -> mapper.readValue("{\"count\": \"2\"}", Counted.class));
			assertThatExceptionOfType(MismatchedInputException.class)
				.isThrownBy(() -> mapper.readValue("{\"label\": 42}", Counted.class));
			assertThatExceptionOfType(StrictJsonModule.InvalidTextException.class)
				.isThrownBy(() -> mapper.readValue("{\"label\": \"a\\u0000b\"}", Counted.class));
			assertThatExceptionOfType(StrictJsonModule.InvalidTextException.class)
				.isThrownBy(() -> mapper.readValue("{\"label\": \"\\ud800\"}", Counted.class));
			assertThatExceptionOfType(JacksonException.class)
				.isThrownBy(() -> mapper.readValue("{\"count\": 1, \"count\": 2}", Counted.class));
			assertThat(mapper.readValue("{\"count\": 2, \"label\": \"\\ud83d\\ude00 ok\"}", Counted.class))
				.isEqualTo(new Counted(2, "\ud83d\ude00 ok"));
		});
	}

	@Test
	void strictReadingIsSwitchedOffByProperty() {
		this.jacksonContextRunner.withPropertyValues("crudkit.input.strict=false").run((context) -> {
			assertThat(context).doesNotHaveBean(StrictJsonModule.class).doesNotHaveBean(StrictNumberBinding.class);
			assertThat(context.getBean(JsonMapper.class).readValue("{\"count\": \"2\"}", Counted.class).count())
				.isEqualTo(2);
		});
	}

	@Test
	void readsWithoutBootsJacksonSupport() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CrudkitInputAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(JsonMapperBuilderCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(JsonProblemResolver.class)
				.doesNotHaveBean(StrictJsonModule.class));
	}

	@Test
	void backsOffWithoutSpringWeb() {
		this.jacksonContextRunner.withClassLoader(new FilteredClassLoader(ErrorResponse.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(JsonProblemResolver.class)
				.doesNotHaveBean(StrictJsonModule.class));
	}

	@Test
	void registersStrictNumberBindingInAWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(StrictNumberBinding.class));
	}

	@Test
	void registersTheJsonProblemResolver() {
		this.jacksonContextRunner.run((context) -> assertThat(context).hasSingleBean(JsonProblemResolver.class));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.input.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StrictJsonModule.class)
				.doesNotHaveBean(JsonProblemResolver.class)
				.doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean("crudkitRequestBodyLimitFilter"));
	}

	@Test
	void registersNoFilterOutsideServletWebApplication() {
		this.jacksonContextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("crudkitRequestBodyLimitFilter"));
	}

	@Test
	void registersRequestBodyLimitFilterWithOneMegabyteByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("crudkitRequestBodyLimitFilter");
			assertThat(limitFilter(context).getFilter()).isInstanceOf(RequestBodyLimitFilter.class);
			assertThat(passes(context, 1024 * 1024)).isTrue();
			assertThat(passes(context, 1024 * 1024 + 1)).isFalse();
		});
	}

	@Test
	void requestBodyLimitFilterBacksOffWhenUserDefinesOneUnderTheSameName() {
		this.contextRunner.withUserConfiguration(UserLimitFilterConfiguration.class).run((context) -> {
			assertThat(context.getBeansOfType(FilterRegistrationBean.class))
				.containsOnlyKeys("crudkitRequestBodyLimitFilter", "crudkitRequestTextFilter");
			assertThat(limitFilter(context).getFilter())
				.isSameAs(context.getBean(UserLimitFilterConfiguration.class).filter);
			assertThat(passes(context, 1024 * 1024 + 1)).isFalse();
			assertThat(passes(context, 3)).isFalse();
		});
	}

	@Test
	void bindsMaxRequestBody() {
		this.contextRunner.withPropertyValues("crudkit.input.max-request-body=10B").run((context) -> {
			assertThat(passes(context, 10)).isTrue();
			assertThat(passes(context, 11)).isFalse();
			JsonNode problem = tooLarge(context, 11);
			assertThat(problem.get("status").asInt()).isEqualTo(413);
			assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than 10 bytes.");
		});
	}

	@Test
	void refusedBodiesAreAboutBlankWithoutCrudkitsErrorMapping() {
		this.contextRunner.run((context) -> assertThat(tooLarge(context, 2 * 1024 * 1024).get("type").asString())
			.isEqualTo("about:blank"));
	}

	@Test
	void refusedBodiesUseTheProblemTypesOfCrudkitsErrorMapping() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CrudkitErrorAutoConfiguration.class))
			.withPropertyValues("crudkit.errors.type-base-uri=https://example.com/problems/")
			.run((context) -> assertThat(tooLarge(context, 2 * 1024 * 1024).get("type").asString())
				.isEqualTo("https://example.com/problems/payload-too-large"));
	}

	@Test
	void refusedBodiesUseTheProblemTypesOfTheApplication() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CrudkitErrorAutoConfiguration.class))
			.withBean("userProblemTypes", ProblemTypes.class, () -> new ProblemTypes("urn:user:"))
			.run((context) -> assertThat(tooLarge(context, 2 * 1024 * 1024).get("type").asString())
				.isEqualTo("urn:user:payload-too-large"));
	}

	@SuppressWarnings("unchecked")
	private static FilterRegistrationBean<RequestBodyLimitFilter> limitFilter(AssertableWebApplicationContext context) {
		return context.getBean("crudkitRequestBodyLimitFilter", FilterRegistrationBean.class);
	}

	private static boolean passes(AssertableWebApplicationContext context, int contentLength) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		limitFilter(context).getFilter().doFilter(post(contentLength), response, chain);
		return chain.getRequest() != null && response.getStatus() == 200;
	}

	private static JsonNode tooLarge(AssertableWebApplicationContext context, int contentLength) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		limitFilter(context).getFilter().doFilter(post(contentLength), response, chain);
		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		return context.getBean(JsonMapper.class).readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static MockHttpServletRequest post(int contentLength) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
		request.setContentType("application/json");
		request.setContent(new byte[contentLength]);
		return request;
	}

	record Counted(int count, String label) {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserLimitFilterConfiguration {

		final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(2,
				new ProblemWriter(JsonMapper.builder().build(), new ProblemTypes(null)));

		@Bean
		FilterRegistrationBean<RequestBodyLimitFilter> crudkitRequestBodyLimitFilter() {
			return new FilterRegistrationBean<>(this.filter);
		}

	}

}
