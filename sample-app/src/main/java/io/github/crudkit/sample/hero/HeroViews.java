package io.github.crudkit.sample.hero;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * Pages of heroes as {@link HeroView} projections: the filter of a {@link Specification},
 * the columns of a constructor expression.
 */
interface HeroViews {

	/**
	 * Return a page of heroes with their teams, without loading entities and without a
	 * transaction: the page query (heroes left-joined to their teams) and, unless the
	 * page shows that it holds the last row, the total.
	 * @param filter the filter
	 * @param unfiltered whether the filter selects every hero, so that the total is the
	 * trigger-kept count
	 * @param pageable the page and order
	 * @return the page
	 */
	Page<HeroView> findViews(Specification<Hero> filter, boolean unfiltered, Pageable pageable);

	/**
	 * Return heroes with their teams, without loading entities and without a transaction,
	 * and without a count: one statement, as a keyset page reads it.
	 * @param filter the filter
	 * @param sort the order
	 * @param limit the most rows to return
	 * @return the rows
	 */
	List<HeroView> findViews(Specification<Hero> filter, Sort sort, int limit);

}
