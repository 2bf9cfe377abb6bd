package io.github.crudkit.sample.power;

import java.util.Objects;

import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.patch.MergePatch;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.query.ProjectionReader;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Power use cases. A power is retired, never deleted: {@link Power}'s soft delete keeps
 * the row and its links and hides it from every read through the entity; retired powers
 * are listed through {@link RetiredPower} and brought back by {@link #restore}.
 */
@Service
public class PowerService {

	private final PowerRepository powers;

	private final MergePatcher patcher;

	private final ProjectionReader reader;

	PowerService(PowerRepository powers, MergePatcher patcher, ProjectionReader reader) {
		this.powers = powers;
		this.patcher = patcher;
		this.reader = reader;
	}

	@Transactional
	public Versioned<PowerPublic> create(PowerCreate create) {
		Power power = this.powers
			.saveAndFlush(new Power(create.name(), create.category(), Tags.normalise(create.tags())));
		return new Versioned<>(toPublic(power, 0), power.getVersion());
	}

	/**
	 * Return a page of live or retired powers with their holder counts: the page (read
	 * id-first) and, unless the page shows it, the total; two statements in auto-commit.
	 * @param filter the filters
	 * @param retired whether to list the retired powers instead of the live ones
	 * @param pageable the page and order
	 * @return the page
	 */
	public Page<PowerPublic> list(PowerFilter filter, boolean retired, Pageable pageable) {
		Page<PowerRow> page = retired
				? this.reader.findPage(PowerRow.RETIRED, filter.<RetiredPower>toSpecification(), pageable)
				: this.reader.findPage(PowerRow.LIVE, filter.<Power>toSpecification(), pageable);
		return page.map(PowerRow::toPublic);
	}

	/**
	 * Return the live or retired powers after an id, in id order: one statement.
	 * @param filter the filters
	 * @param retired whether to list the retired powers instead of the live ones
	 * @param request where the page starts and its size
	 * @return the page
	 */
	public KeysetPage<PowerPublic> listAfter(PowerFilter filter, boolean retired, Keyset.Request request) {
		KeysetPage<PowerRow> page = retired
				? this.reader.findAfter(PowerRow.RETIRED, filter.<RetiredPower>toSpecification(), request, PowerRow::id)
				: this.reader.findAfter(PowerRow.LIVE, filter.<Power>toSpecification(), request, PowerRow::id);
		return page.map(PowerRow::toPublic);
	}

	/**
	 * Read a live power: one statement in auto-commit.
	 * @param id the id
	 * @return the power and its version
	 */
	public Versioned<PowerPublic> get(long id) {
		return this.reader.findOne(PowerRow.LIVE, byId(id))
			.map(PowerRow::toVersioned)
			.orElseThrow(() -> new ResourceNotFoundException("Power", id));
	}

	@Transactional
	public Versioned<PowerPublic> patch(long id, IfMatch ifMatch, MergePatch<PowerUpdate> patch) {
		Power power = find(id);
		ifMatch.check("Power", id, power.getVersion());
		PowerUpdate update = this.patcher.apply(PowerUpdate.from(power), patch);
		power.update(update.name(), update.category(), Tags.normalise(update.tags()));
		this.powers.flush();
		return get(id);
	}

	/**
	 * Retire a live power: its row and links stay, every read stops seeing it, its name
	 * is free for a new power. A retired power is unknown here (404).
	 * @param id the id
	 * @param ifMatch the request's {@code If-Match}
	 */
	@Transactional
	public void retire(long id, IfMatch ifMatch) {
		Power power = find(id);
		ifMatch.check("Power", id, power.getVersion());
		this.powers.delete(power);
		this.powers.flush();
	}

	/**
	 * Bring a retired power back with its links; a live power is answered unchanged. A
	 * live power that took its name meanwhile makes it a 409 naming {@code name}.
	 * @param id the id
	 * @return the power and its version
	 */
	@Transactional
	public Versioned<PowerPublic> restore(long id) {
		if (this.powers.restore(id) == 0 && !this.powers.existsById(id)) {
			throw new ResourceNotFoundException("Power", id);
		}
		return get(id);
	}

	private Power find(long id) {
		return this.powers.findById(id).orElseThrow(() -> new ResourceNotFoundException("Power", id));
	}

	private static <T> Specification<T> byId(long id) {
		return (root, query, builder) -> builder.equal(root.get("id"), id);
	}

	private static PowerPublic toPublic(Power power, int heroCount) {
		return new PowerPublic(Objects.requireNonNull(power.getId()), power.getName(), power.getCategory(),
				power.getTags(), heroCount, Objects.requireNonNull(power.getCreatedAt()),
				Objects.requireNonNull(power.getUpdatedAt()));
	}

}
