package io.github.crudkit.sample.hero;

import java.net.URI;
import java.util.List;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.openapi.ProblemResponses;
import io.github.crudkit.patch.MergePatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The powers a hero holds. Every answer carries the hero's {@code ETag}, and every write
 * honours {@code If-Match} with it: the links are part of the hero.
 */
@RestController
@RequestMapping("/api/heroes/{id}/powers")
@Tag(name = "heroes")
class HeroPowerController {

	private final HeroPowerService powers;

	HeroPowerController(HeroPowerService powers) {
		this.powers = powers;
	}

	@GetMapping
	@Operation(summary = "List the powers a hero holds (at most 20; retired powers left out)")
	Versioned<List<HeroPowerPublic>> list(@PathVariable @Positive long id) {
		return this.powers.list(id);
	}

	@GetMapping("/{powerId}")
	@Operation(summary = "Read a power a hero holds")
	Versioned<HeroPowerPublic> get(@PathVariable @Positive long id, @PathVariable @Positive long powerId) {
		return this.powers.get(id, powerId);
	}

	@PutMapping("/{powerId}")
	@Operation(summary = "Give a hero a power, or replace the level and date of one it holds")
	@ApiResponse(responseCode = "201", description = "The hero did not hold the power; it does now.")
	@ApiResponse(responseCode = "200", description = "The hero held the power; its level and date are replaced.")
	@ApiResponse(responseCode = "404", description = "No such hero, or the power is unknown or retired.")
	@ApiResponse(responseCode = "409", description = "The hero holds 20 powers already.")
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	ResponseEntity<Versioned<HeroPowerPublic>> assign(@PathVariable @Positive long id,
			@PathVariable @Positive long powerId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@Valid @RequestBody HeroPowerAssign assign) {
		HeroPowerService.Assigned assigned = this.powers.assign(id, powerId, assign, IfMatch.parse(ifMatch));
		return assigned.created()
				? ResponseEntity.created(URI.create("/api/heroes/" + id + "/powers/" + powerId)).body(assigned.link())
				: ResponseEntity.ok(assigned.link());
	}

	@PatchMapping("/{powerId}")
	@Operation(summary = "Change the level or date of a power a hero holds (JSON Merge Patch)")
	@ApiResponse(responseCode = "409", description = ProblemResponses.NEVER)
	@ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
	Versioned<HeroPowerPublic> patch(@PathVariable @Positive long id, @PathVariable @Positive long powerId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody MergePatch<HeroPowerUpdate> patch) {
		return this.powers.patch(id, powerId, patch, IfMatch.parse(ifMatch));
	}

	@DeleteMapping("/{powerId}")
	@Operation(summary = "Take a power from a hero")
	@ApiResponse(responseCode = "204", description = "The hero no longer holds the power; ETag is the hero's.")
	@ApiResponse(responseCode = "409", description = ProblemResponses.NEVER)
	ResponseEntity<Void> remove(@PathVariable @Positive long id, @PathVariable @Positive long powerId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
		long version = this.powers.remove(id, powerId, IfMatch.parse(ifMatch));
		return ResponseEntity.status(HttpStatus.NO_CONTENT).eTag(IfMatch.eTagOf(version)).build();
	}

}
