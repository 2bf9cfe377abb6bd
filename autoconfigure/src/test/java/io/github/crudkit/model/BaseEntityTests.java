package io.github.crudkit.model;

import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class BaseEntityTests {

	@Test
	void entitiesOfSameClassWithSameIdAreEqual() {
		Hero first = persisted(new Hero("Tony"), 1L);
		Hero second = persisted(new Hero("Anthony"), 1L);
		assertThat(first).isEqualTo(second);
		assertThat(second).isEqualTo(first);
		assertThat(first).hasSameHashCodeAs(second);
	}

	@Test
	void entitiesOfSameClassWithDifferentIdsAreNotEqual() {
		assertThat(persisted(new Hero("Tony"), 1L)).isNotEqualTo(persisted(new Hero("Tony"), 2L));
	}

	@Test
	void entitiesOfDifferentClassesWithSameIdAreNotEqual() {
		assertThat((BaseEntity) persisted(new Hero("Tony"), 1L)).isNotEqualTo(persisted(new Team("Avengers"), 1L));
		assertThat((BaseEntity) persisted(new Team("Avengers"), 1L)).isNotEqualTo(persisted(new Hero("Tony"), 1L));
	}

	@Test
	void unsavedEntitiesAreNotEqualToEachOther() {
		Hero first = new Hero("Tony");
		Hero second = new Hero("Tony");
		assertThat(first).isNotEqualTo(second);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void unsavedEntityIsNotEqualToSavedOne() {
		assertThat(new Hero("Tony")).isNotEqualTo(persisted(new Hero("Tony"), 1L));
		assertThat(persisted(new Hero("Tony"), 1L)).isNotEqualTo(new Hero("Tony"));
	}

	@Test
	void unsavedEntityIsEqualToItself() {
		Hero hero = new Hero("Tony");
		assertThat(hero).isEqualTo(hero);
	}

	@Test
	void entityIsNotEqualToNullOrOtherTypes() {
		Hero hero = persisted(new Hero("Tony"), 1L);
		assertThat(hero.equals(null)).isFalse();
		assertThat(hero.equals(1L)).isFalse();
	}

	@Test
	void hashCodeDoesNotChangeWhenEntityIsSaved() {
		Hero hero = new Hero("Tony");
		int before = hero.hashCode();
		persisted(hero, 1L);
		assertThat(hero.hashCode()).isEqualTo(before);
	}

	@Test
	void hashCodeDependsOnlyOnClass() {
		assertThat(new Hero("Tony")).hasSameHashCodeAs(persisted(new Hero("Bruce"), 5L));
	}

	@Test
	void toStringShowsOnlyClassIdAndVersion() {
		Hero hero = persisted(new Hero("Tony"), 7L);
		ReflectionTestUtils.setField(hero, "version", 3L);
		assertThat(hero).hasToString("Hero[id=7, version=3]");
		assertThat(hero.toString()).doesNotContain("Tony");
	}

	@Test
	void toStringOfUnsavedEntityShowsNullId() {
		assertThat(new Hero("Tony")).hasToString("Hero[id=null, version=0]");
	}

	@Test
	void newEntityHasNoIdNoTimesAndVersionZero() {
		Hero hero = new Hero("Tony");
		assertThat(hero.getId()).isNull();
		assertThat(hero.getVersion()).isZero();
		assertThat(hero.getCreatedAt()).isNull();
		assertThat(hero.getUpdatedAt()).isNull();
	}

	private static <T extends BaseEntity> T persisted(T entity, long id) {
		ReflectionTestUtils.setField(entity, BaseEntity.class, "id", id, Long.class);
		return entity;
	}

	@Entity
	static class Hero extends BaseEntity {

		private final String name;

		Hero(String name) {
			this.name = name;
		}

		String getName() {
			return this.name;
		}

	}

	@Entity
	static class Team extends BaseEntity {

		private final String name;

		Team(String name) {
			this.name = name;
		}

		String getName() {
			return this.name;
		}

	}

}
