package io.github.crudkit.sample.power;

import java.net.URI;
import java.util.List;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.openapi.ProblemResponses;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
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
 * HTTP endpoints of powers.
 */
@RestController
@RequestMapping("/api/powers")
@Tag(name = "powers")
class PowerController {

	private static final String RETIRED = "true lists only retired powers; false (the default) only live ones.";

	private static final String TAG = "Powers that carry every tag given (repeatable).";

	private final PowerService powers;

	PowerController(PowerService powers) {
		this.powers = powers;
	}

	@PostMapping
	@Operation(summary = "Create a power")
	@ApiResponse(responseCode = "409", description = "A live power of that name exists already (regardless of case).")
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	ResponseEntity<Versioned<PowerPublic>> create(@Valid @RequestBody PowerCreate create) {
		Versioned<PowerPublic> power = this.powers.create(create);
		return ResponseEntity.created(URI.create("/api/powers/" + power.body().id())).body(power);
	}

	@GetMapping
	@Operation(summary = "List powers, each with its number of holders", description = Keyset.OPERATION_DESCRIPTION)
	PagedModel<PowerPublic> list(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable PowerCategory category,
			@Parameter(description = TAG) @RequestParam(name = "tag", required = false) @Nullable List<String> tags,
			@Parameter(description = RETIRED) @RequestParam(defaultValue = "false") boolean retired,
			@PowerSort Pageable pageable) {
		return new PagedModel<>(this.powers.list(filter(name, category, tags), retired, pageable));
	}

	@GetMapping(params = Keyset.PARAMETER)
	@Operation(summary = "List powers, each with its number of holders", description = Keyset.OPERATION_DESCRIPTION)
	KeysetPage<PowerPublic> listAfter(
			@Parameter(description = Keyset.PARAMETER_DESCRIPTION) @RequestParam(required = false) @Nullable Long after,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable PowerCategory category,
			@Parameter(description = TAG) @RequestParam(name = "tag", required = false) @Nullable List<String> tags,
			@Parameter(description = RETIRED) @RequestParam(defaultValue = "false") boolean retired,
			@PowerSort Pageable pageable) {
		return this.powers.listAfter(filter(name, category, tags), retired, Keyset.check(after, pageable));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a power (404 when retired)")
	Versioned<PowerPublic> get(@PathVariable @Positive long id) {
		return this.powers.get(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a power (JSON Merge Patch)")
	@ApiResponse(responseCode = "409",
			description = "Another live power has that name (regardless of case), or the power was changed by "
					+ "another request meanwhile (send If-Match to get a 412 instead).")
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	Versioned<PowerPublic> patch(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody MergePatch<PowerUpdate> patch) {
		return this.powers.patch(id, IfMatch.parse(ifMatch), patch);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Retire a power (soft delete): its links stay, its name is free")
	void retire(@PathVariable @Positive long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		this.powers.retire(id, IfMatch.parse(ifMatch));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Bring a retired power back with its links (a live one is answered unchanged)")
	@ApiResponse(responseCode = "200", description = "The power, live.")
	@ApiResponse(responseCode = "404", description = "No power, live or retired, has the id.")
	@ApiResponse(responseCode = "409", description = "A live power has taken its name meanwhile.")
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	Versioned<PowerPublic> restore(@PathVariable @Positive long id) {
		return this.powers.restore(id);
	}

	private static PowerFilter filter(@Nullable String name, @Nullable PowerCategory category,
			@Nullable List<String> tags) {
		return new PowerFilter(name, category, (tags != null) ? tags : List.of());
	}

}
