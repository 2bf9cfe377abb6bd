package io.github.crudkit.pagination;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeysetTests {

	@Test
	void acceptsPageZeroOrderedById() {
		Keyset.Request request = Keyset.check(40L, PageRequest.of(0, 20, Sort.by("id")));

		assertThat(request.after()).isEqualTo(40);
		assertThat(request.size()).isEqualTo(20);
		assertThat(Keyset.limit(request.size())).isEqualTo(21);
	}

	@Test
	void acceptsZeroForTheFirstPage() {
		assertThat(Keyset.check(0L, PageRequest.of(0, 5, Sort.by("id"))).after()).isZero();
	}

	@Test
	void refusesAMissingOrNegativeAfter() {
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> Keyset.check(null, PageRequest.of(0, 20, Sort.by("id"))))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("after"));
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> Keyset.check(-1L, PageRequest.of(0, 20, Sort.by("id"))))
			.withMessage("Parameter 'after' must be an integer of 0 or more.");
	}

	@Test
	void refusesAPageNumber() {
		assertThatExceptionOfType(InvalidPageRequestException.class)
			.isThrownBy(() -> Keyset.check(0L, PageRequest.of(1, 20, Sort.by("id"))))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("page"));
	}

	@Test
	void refusesAnyOrderButIdAscending() {
		for (Sort sort : List.of(Sort.by("name", "id"), Sort.by(Sort.Direction.DESC, "id"), Sort.unsorted())) {
			assertThatExceptionOfType(InvalidPageRequestException.class)
				.isThrownBy(() -> Keyset.check(0L, PageRequest.of(0, 20, sort)))
				.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sort"));
		}
	}

	@Test
	void aPageWithTheExtraRowPointsToTheNextPage() {
		KeysetPage<Long> page = KeysetPage.of(List.of(11L, 12L, 13L), new Keyset.Request(10, 2), Long::longValue);

		assertThat(page.content()).containsExactly(11L, 12L);
		assertThat(page.page()).isEqualTo(new KeysetPage.Metadata(2, 10, 12L));
	}

	@Test
	void aPageWithoutTheExtraRowIsTheLast() {
		assertThat(KeysetPage.of(List.of(11L, 12L), new Keyset.Request(10, 2), Long::longValue).page().next()).isNull();
		assertThat(KeysetPage.of(List.<Long>of(), new Keyset.Request(99, 2), Long::longValue).content()).isEmpty();
	}

}
