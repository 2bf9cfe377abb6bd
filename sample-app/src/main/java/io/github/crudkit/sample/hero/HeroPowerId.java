package io.github.crudkit.sample.hero;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The key of a hero's link to a power: the pair of ids, as the table's primary key has
 * them.
 *
 * @param heroId the hero's id
 * @param powerId the power's id
 */
@Embeddable
public record HeroPowerId(@Column(name = "hero_id") long heroId, @Column(name = "power_id") long powerId) {

}
