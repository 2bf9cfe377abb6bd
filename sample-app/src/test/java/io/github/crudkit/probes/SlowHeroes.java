package io.github.crudkit.probes;

import java.net.URI;

import io.github.crudkit.sample.hero.HeroCreate;
import io.github.crudkit.sample.hero.HeroPublic;
import io.github.crudkit.sample.hero.HeroService;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A slow write, for tests only: creates a hero, then keeps its transaction (and its
 * connection) open in PostgreSQL with {@code pg_sleep} before committing. Lets a test
 * have requests in flight at a chosen moment, or hold pool connections, or run into the
 * statement timeout. It lives outside the sample's packages so that component scanning
 * never picks it up; tests add it as a source.
 */
@RestController
public class SlowHeroes {

	private final HeroService heroes;

	private final JdbcClient jdbc;

	public SlowHeroes(HeroService heroes, JdbcClient jdbc) {
		this.heroes = heroes;
		this.jdbc = jdbc;
	}

	@Transactional
	@PostMapping("/test/slow-heroes")
	public ResponseEntity<HeroPublic> create(@RequestParam String name, @RequestParam long millis) {
		HeroPublic hero = this.heroes.create(new HeroCreate(name, "SECRET-slow", null, null, null)).body();
		this.jdbc.sql("SELECT 1 FROM pg_sleep(?)").param(millis / 1000.0).query(Integer.class).single();
		return ResponseEntity.created(URI.create("/api/heroes/" + hero.id())).body(hero);
	}

}
