package io.github.crudkit.sample.hero;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.pagination.SortableBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The heroes that hold a power: a read of heroes, so it lives with them.
 */
@RestController
@RequestMapping("/api/powers/{id}/heroes")
@Tag(name = "powers")
class PowerHeroesController {

	private static final String MIN_LEVEL = "Only heroes that hold the power at this level or above (1 to 10).";

	private final HeroService heroes;

	PowerHeroesController(HeroService heroes) {
		this.heroes = heroes;
	}

	@GetMapping(params = Keyset.PARAMETER)
	@Operation(summary = "List the heroes that hold a power", description = Keyset.OPERATION_DESCRIPTION)
	KeysetPage<HeroPublic> listAfter(@PathVariable @Positive long id,
			@Parameter(description = Keyset.PARAMETER_DESCRIPTION) @RequestParam(required = false) @Nullable Long after,
			@Parameter(description = MIN_LEVEL) @RequestParam(
					required = false) @Min(1) @Max(10) @Nullable Integer minLevel,
			@HoldersSort Pageable pageable) {
		return this.heroes.listByPowerAfter(id, minLevel, Keyset.check(after, pageable));
	}

	@GetMapping
	@Operation(summary = "List the heroes that hold a power", description = Keyset.OPERATION_DESCRIPTION)
	PagedModel<HeroPublic> list(@PathVariable @Positive long id, @Parameter(description = MIN_LEVEL) @RequestParam(
			required = false) @Min(1) @Max(10) @Nullable Integer minLevel, @HoldersSort Pageable pageable) {
		return new PagedModel<>(this.heroes.listByPower(id, minLevel, pageable));
	}

	/**
	 * The heroes' whitelist plus {@code level}: the level at which each holds the power,
	 * a value of the link that the query orders by (crudkit's SortExpressions).
	 */
	@Target(ElementType.PARAMETER)
	@Retention(RetentionPolicy.RUNTIME)
	@SortableBy(value = { "name", "age", "createdAt", "id", "level" }, ignoreCase = "name", entity = Hero.class,
			computed = "level")
	@interface HoldersSort {

	}

}
