package io.github.crudkit.sample.hero;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.TooManyItemsException;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.patch.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP endpoints of heroes.
 */
@RestController
@RequestMapping("/api/heroes")
@Tag(name = "heroes")
class HeroController {

	private final HeroService heroes;

	private final Validator validator;

	HeroController(HeroService heroes, Validator validator) {
		this.heroes = heroes;
		this.validator = validator;
	}

	@PostMapping
	@Operation(summary = "Create a hero")
	@ApiResponse(responseCode = "422", description = "teamId names no team, or mentorId no hero.")
	ResponseEntity<Versioned<HeroPublic>> create(@Valid @RequestBody HeroCreate create) {
		Versioned<HeroPublic> hero = this.heroes.create(create);
		return ResponseEntity.created(URI.create("/api/heroes/" + hero.body().id())).body(hero);
	}

	@PostMapping("/bulk")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create up to 1000 heroes in one transaction, all or nothing")
	@ApiResponse(responseCode = "413",
			description = "More than 1000 items, or a body larger than the server accepts; " + "nothing was created.")
	@ApiResponse(responseCode = "422",
			description = "The teamId of an item names no team, or its mentorId no hero that "
					+ "existed before the request (errors names it: items[3].teamId); nothing was created.")
	HeroBulkCreated createAll(@RequestBody HeroBulkCreate bulk) {
		// Counted before validation, so that an oversized request is a 413 whatever its
		// items hold.
		if (bulk.items() != null && bulk.items().size() > HeroBulkCreate.MAX_ITEMS) {
			throw new TooManyItemsException("items", HeroBulkCreate.MAX_ITEMS, bulk.items().size());
		}
		Set<ConstraintViolation<HeroBulkCreate>> violations = this.validator.validate(bulk);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		return this.heroes.createAll(bulk);
	}

	@GetMapping
	@Operation(summary = "List heroes, each with its team", description = Keyset.OPERATION_DESCRIPTION)
	PagedModel<HeroPublic> list(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable Integer minAge,
			@RequestParam(required = false) @Nullable Integer maxAge,
			@RequestParam(required = false) @Positive @Nullable Long teamId, @HeroSort Pageable pageable) {
		return new PagedModel<>(this.heroes.list(new HeroFilter(name, minAge, maxAge, teamId), pageable));
	}

	@GetMapping(params = Keyset.PARAMETER)
	@Operation(summary = "List heroes, each with its team", description = Keyset.OPERATION_DESCRIPTION)
	KeysetPage<HeroPublic> listAfter(
			@Parameter(description = Keyset.PARAMETER_DESCRIPTION) @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable Integer minAge,
			@RequestParam(required = false) @Nullable Integer maxAge,
			@RequestParam(required = false) @Positive @Nullable Long teamId, @HeroSort Pageable pageable) {
		return this.heroes.listAfter(new HeroFilter(name, minAge, maxAge, teamId), Keyset.check(after, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a hero")
	Versioned<HeroPublic> get(@PathVariable @Positive long id) {
		return this.heroes.get(id);
	}

	@GetMapping("/{id}/mentees")
	@Operation(summary = "List the heroes whose mentor a hero is", description = Keyset.OPERATION_DESCRIPTION)
	PagedModel<HeroPublic> mentees(@PathVariable @Positive long id, @HeroSort Pageable pageable) {
		return new PagedModel<>(this.heroes.listMentees(id, pageable));
	}

	@GetMapping(path = "/{id}/mentees", params = Keyset.PARAMETER)
	@Operation(summary = "List the heroes whose mentor a hero is", description = Keyset.OPERATION_DESCRIPTION)
	KeysetPage<HeroPublic> menteesAfter(@PathVariable @Positive long id,
			@Parameter(description = Keyset.PARAMETER_DESCRIPTION) @RequestParam(required = false) @Nullable Long after,
			@HeroSort Pageable pageable) {
		return this.heroes.listMenteesAfter(id, Keyset.check(after, pageable));
	}

	@GetMapping("/{id}/lineage")
	@Operation(summary = "Read a hero's mentor, that hero's mentor, and so on (closest first)")
	List<HeroSummary> lineage(@PathVariable @Positive long id) {
		return this.heroes.lineage(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a hero (JSON Merge Patch)")
	@ApiResponse(responseCode = "409", description = "mentorId names the hero itself or one of its mentees, direct "
			+ "or indirect; or the hero was changed by another request meanwhile (send If-Match to get a 412 instead).")
	@ApiResponse(responseCode = "422", description = "teamId names no team, or mentorId no hero.")
	Versioned<HeroPublic> patch(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody MergePatch<HeroUpdate> patch) {
		return this.heroes.patch(id, IfMatch.parse(ifMatch), patch);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a hero")
	void delete(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.heroes.delete(id, IfMatch.parse(ifMatch));
	}

}
