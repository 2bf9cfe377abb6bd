package io.github.crudkit.sample.hero;

import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * The heroes of a team: a read of heroes, so it lives with them (the team package knows
 * nothing of hero services).
 */
@RestController
@RequestMapping("/api/teams/{id}/heroes")
@Tag(name = "teams")
class TeamHeroesController {

	private final HeroService heroes;

	TeamHeroesController(HeroService heroes) {
		this.heroes = heroes;
	}

	@GetMapping(params = Keyset.PARAMETER)
	@Operation(summary = "List the heroes of a team", description = Keyset.OPERATION_DESCRIPTION)
	KeysetPage<HeroPublic> listAfter(@PathVariable @Positive long id,
			@Parameter(description = Keyset.PARAMETER_DESCRIPTION) @RequestParam(required = false) @Nullable Long after,
			@HeroSort Pageable pageable) {
		return this.heroes.listByTeamAfter(id, Keyset.check(after, pageable));
	}

	@GetMapping
	@Operation(summary = "List the heroes of a team", description = Keyset.OPERATION_DESCRIPTION)
	PagedModel<HeroPublic> list(@PathVariable @Positive long id, @HeroSort Pageable pageable) {
		return new PagedModel<>(this.heroes.listByTeam(id, pageable));
	}

}
