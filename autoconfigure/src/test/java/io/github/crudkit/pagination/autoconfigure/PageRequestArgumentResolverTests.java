package io.github.crudkit.pagination.autoconfigure;

import java.lang.reflect.Method;

import io.github.crudkit.pagination.InvalidPageRequestException;
import io.github.crudkit.pagination.PaginationPolicy;
import io.github.crudkit.pagination.SortableBy;
import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PageRequestArgumentResolverTests {

	private final PageRequestArgumentResolver clamping = new PageRequestArgumentResolver(
			new PaginationPolicy(20, 100, PaginationPolicy.Oversize.CLAMP));

	private final PageRequestArgumentResolver rejecting = new PageRequestArgumentResolver(
			new PaginationPolicy(20, 100, PaginationPolicy.Oversize.REJECT));

	@Test
	void supportsPageableParametersOnly() throws Exception {
		assertThat(this.clamping.supportsParameter(parameter("sortable"))).isTrue();
		assertThat(this.clamping.supportsParameter(new MethodParameter(method("other"), 0))).isFalse();
	}

	@Test
	void defaultsToTheFirstPageOfTheDefaultSizeInIdOrder() throws Exception {
		Pageable pageable = resolve(this.clamping, "sortable", request());
		assertThat(pageable.getPageNumber()).isZero();
		assertThat(pageable.getPageSize()).isEqualTo(20);
		assertThat(pageable.getSort()).isEqualTo(Sort.by("id"));
	}

	@Test
	void readsPageSizeAndSort() throws Exception {
		MockHttpServletRequest request = request();
		request.setParameter("page", "3");
		request.setParameter("size", "50");
		request.setParameter("sort", "name,desc");
		Pageable pageable = resolve(this.clamping, "sortable", request);
		assertThat(pageable.getPageNumber()).isEqualTo(3);
		assertThat(pageable.getPageSize()).isEqualTo(50);
		assertThat(pageable.getSort()).isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.asc("id")));
	}

	@Test
	void clampsOrRejectsSizesAboveTheMaximum() throws Exception {
		MockHttpServletRequest request = request();
		request.setParameter("size", "101");
		assertThat(resolve(this.clamping, "sortable", request).getPageSize()).isEqualTo(100);
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> resolve(this.rejecting, "sortable", request))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("size"));
	}

	@Test
	void refusesWhatSpringDataWouldSilentlyCorrect() throws Exception {
		for (String[] bad : new String[][] { { "page", "-1" }, { "page", "x" }, { "size", "0" }, { "size", "-3" },
				{ "size", "2147483648" }, { "page", "1.5" } }) {
			MockHttpServletRequest request = request();
			request.setParameter(bad[0], bad[1]);
			assertThatExceptionOfType(InvalidPageRequestException.class).as("%s=%s", bad[0], bad[1])
				.isThrownBy(() -> resolve(this.clamping, "sortable", request))
				.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo(bad[0]));
		}
	}

	@Test
	void withoutSortableByOnlyTheIdIsAllowed() throws Exception {
		MockHttpServletRequest request = request();
		request.setParameter("sort", "name");
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> resolve(this.clamping, "unannotated", request));
		request.setParameter("sort", "id,desc");
		assertThat(resolve(this.clamping, "unannotated", request).getSort()).isEqualTo(Sort.by(Sort.Order.desc("id")));
	}

	@Test
	void sortableByOnTheMethodCountsToo() throws Exception {
		MockHttpServletRequest request = request();
		request.setParameter("sort", "age");
		assertThat(resolve(this.clamping, "annotatedMethod", request).getSort())
			.isEqualTo(Sort.by(Sort.Order.asc("age"), Sort.Order.asc("id")));
	}

	private static Pageable resolve(PageRequestArgumentResolver resolver, String method, MockHttpServletRequest request)
			throws Exception {
		return resolver.resolveArgument(parameter(method), null, new ServletWebRequest(request), null);
	}

	private static MockHttpServletRequest request() {
		return new MockHttpServletRequest("GET", "/things");
	}

	private static MethodParameter parameter(String name) throws Exception {
		return new MethodParameter(method(name), 0);
	}

	private static Method method(String name) throws Exception {
		for (Method method : Endpoints.class.getDeclaredMethods()) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new NoSuchMethodException(name);
	}

	static class Endpoints {

		void sortable(@SortableBy({ "name", "age", "id" }) Pageable pageable) {
		}

		void unannotated(Pageable pageable) {
		}

		@SortableBy({ "age", "id" })
		void annotatedMethod(Pageable pageable) {
		}

		void other(String text) {
		}

	}

}
