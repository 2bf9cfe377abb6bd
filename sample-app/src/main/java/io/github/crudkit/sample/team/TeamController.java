package io.github.crudkit.sample.team;

import java.net.URI;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.openapi.ProblemResponses;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.pagination.SortableBy;
import io.github.crudkit.patch.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
 * HTTP endpoints of teams.
 */
@RestController
@RequestMapping("/api/teams")
@Tag(name = "teams")
class TeamController {

	private final TeamService teams;

	TeamController(TeamService teams) {
		this.teams = teams;
	}

	@PostMapping
	@Operation(summary = "Create a team")
	@ApiResponse(responseCode = "409", description = "A team of that name exists already (regardless of case).")
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	ResponseEntity<Versioned<TeamPublic>> create(@Valid @RequestBody TeamCreate create) {
		Versioned<TeamPublic> team = this.teams.create(create);
		return ResponseEntity.created(URI.create("/api/teams/" + team.body().id())).body(team);
	}

	@GetMapping
	@Operation(summary = "List teams, each with its number of heroes", description = Keyset.OPERATION_DESCRIPTION)
	PagedModel<TeamPublic> list(@RequestParam(required = false) @Nullable String name,
			@SortableBy(value = { "name", "createdAt", "id" }, ignoreCase = "name",
					entity = Team.class) Pageable pageable) {
		return new PagedModel<>(this.teams.list(new TeamFilter(name), pageable));
	}

	@GetMapping(params = Keyset.PARAMETER)
	@Operation(summary = "List teams, each with its number of heroes", description = Keyset.OPERATION_DESCRIPTION)
	KeysetPage<TeamPublic> listAfter(
			@Parameter(description = Keyset.PARAMETER_DESCRIPTION) @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable String name, @SortableBy(value = { "name", "createdAt", "id" },
					ignoreCase = "name", entity = Team.class) Pageable pageable) {
		return this.teams.listAfter(new TeamFilter(name), Keyset.check(after, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a team with its heroes")
	Versioned<TeamPublicWithHeroes> get(@PathVariable @Positive long id) {
		return this.teams.get(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a team (JSON Merge Patch)")
	@ApiResponse(responseCode = "409",
			description = "Another team has that name (regardless of case), or the team "
					+ "was changed by another request meanwhile (send If-Match to get a 412 instead).")
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	Versioned<TeamPublic> patch(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody MergePatch<TeamUpdate> patch) {
		return this.teams.patch(id, IfMatch.parse(ifMatch), patch);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a team that has no heroes")
	@ApiResponse(responseCode = "409", description = "Heroes still belong to the team, or it was changed by another "
			+ "request meanwhile (send If-Match to get a 412 instead).")
	void delete(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.teams.delete(id, IfMatch.parse(ifMatch));
	}

}
