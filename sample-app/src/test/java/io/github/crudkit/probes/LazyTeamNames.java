package io.github.crudkit.probes;

import java.util.List;

import io.github.crudkit.sample.hero.Hero;
import io.github.crudkit.sample.hero.HeroRepository;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deliberate N+1, for tests only: reads every hero, then each hero's team lazily, one
 * statement per team. It lives outside the sample's packages so that component scanning
 * never picks it up; tests import it.
 */
@RestController
public class LazyTeamNames {

	private final HeroRepository heroes;

	public LazyTeamNames(HeroRepository heroes) {
		this.heroes = heroes;
	}

	@Transactional(readOnly = true)
	@GetMapping("/test/lazy-team-names")
	public List<String> teamNames() {
		return this.heroes.findAll()
			.stream()
			.map(Hero::getTeam)
			.filter(java.util.Objects::nonNull)
			.map((team) -> team.getName())
			.toList();
	}

}
