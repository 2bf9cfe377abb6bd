package io.github.crudkit.pagination.autoconfigure;

import io.github.crudkit.pagination.PaginationPolicy;
import io.github.crudkit.pagination.SortableBy;
import io.github.crudkit.startup.autoconfigure.CrudkitStartupAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitPaginationAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitPaginationAutoConfiguration.class,
				WebMvcAutoConfiguration.class, CrudkitStartupAutoConfiguration.class));

	@Test
	void registersTheResolverAheadOfEveryOther() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PageRequestArgumentResolver.class)
				.hasSingleBean(PageableEndpointsVerifier.class)
				.hasSingleBean(PageableOperationCustomizer.class);
			RequestMappingHandlerAdapter adapter = context.getBean(RequestMappingHandlerAdapter.class);
			assertThat(adapter.getArgumentResolvers()).first()
				.isSameAs(context.getBean(PageRequestArgumentResolver.class));
		});
	}

	@Test
	void bindsTheSizes() {
		this.contextRunner
			.withPropertyValues("crudkit.pagination.default-size=5", "crudkit.pagination.max-size=7",
					"crudkit.pagination.oversize=reject")
			.run((context) -> assertThat(context.getBean(PageRequestArgumentResolver.class).policy())
				.isEqualTo(new PaginationPolicy(5, 7, PaginationPolicy.Oversize.REJECT)));
	}

	@Test
	void refusesSizesThatContradictEachOther() {
		this.contextRunner.withPropertyValues("crudkit.pagination.default-size=50", "crudkit.pagination.max-size=10")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void backsOffWhenUserDefinesTheResolver() {
		this.contextRunner.withUserConfiguration(UserResolverConfiguration.class)
			.run((context) -> assertThat(context).getBean(PageRequestArgumentResolver.class)
				.isSameAs(context.getBean("userResolver")));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.pagination.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PageRequestArgumentResolver.class));
	}

	@Test
	void startUpFailsWhenAnEndpointWhitelistsAMissingProperty() {
		this.contextRunner.withUserConfiguration(BrokenController.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageContaining("BrokenController.list")
				.hasMessageContaining("'colour'");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		PageRequestArgumentResolver userResolver() {
			return new PageRequestArgumentResolver(new PaginationPolicy(1, 1, PaginationPolicy.Oversize.CLAMP));
		}

	}

	@RestController
	static class BrokenController {

		@GetMapping("/broken")
		String list(@SortableBy(value = "colour", entity = Thing.class) Pageable pageable) {
			return "";
		}

	}

	static class Thing {

		long id;

	}

}
