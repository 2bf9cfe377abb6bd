package io.github.crudkit.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.crudkit.sample.support.Problems.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that race on relationships end as the contract's rules say, with exactly the
 * statuses it allows: the limit of powers per hero, mentors in opposite directions, a
 * power retired while it is assigned, a power restored while its name is taken.
 */
@SampleIntegrationTest
class RelationshipRacesIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	private final ExecutorService pool = Executors.newFixedThreadPool(16);

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void sixteenAssignmentsToAHeroAtNineteenPowersLeaveItAtTwentyAndRefuseTheRestOnTheLimit() throws Exception {
		long hero = hero();
		for (int i = 0; i < 19; i++) {
			assertThat(this.api.put("/api/heroes/" + hero + "/powers/" + power(), Map.of("level", 1)).status())
				.isEqualTo(201);
		}
		List<Long> powers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			powers.add(power());
		}

		List<Response> responses = race(powers.stream()
			.<Callable<Response>>map(
					(power) -> () -> this.api.put("/api/heroes/" + hero + "/powers/" + power, Map.of("level", 2)))
			.toList());

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() == 409)
			.hasSize(15)
			.allSatisfy((response) -> assertThat(fieldsOf(response.json())).containsExactly("powerId"));
		assertThat(links(hero)).isEqualTo(20);
		System.out.println("RACE limit: 16 concurrent PUTs at 19 powers -> 1 x 201, 15 x 409 (powerId), 20 links");
	}

	@Test
	void sixteenAssignmentsToOneHeroAllSucceedWithoutAConflictAndEachChangesItsVersion() throws Exception {
		long hero = hero();
		long version = version(hero);
		List<Long> powers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			powers.add(power());
		}

		List<Response> responses = race(powers.stream()
			.<Callable<Response>>map(
					(power) -> () -> this.api.put("/api/heroes/" + hero + "/powers/" + power, Map.of("level", 3)))
			.toList());

		assertThat(responses).extracting(Response::status).containsOnly(201);
		assertThat(responses).extracting((response) -> response.header("ETag")).doesNotHaveDuplicates();
		assertThat(links(hero)).isEqualTo(16);
		assertThat(version(hero)).isEqualTo(version + 16);
	}

	@Test
	void mentorsSetInOppositeDirectionsAtOnceNeverMakeACycle() throws Exception {
		int rounds = 20;
		int accepted = 0;
		for (int round = 0; round < rounds; round++) {
			long a = hero();
			long b = hero();
			List<Response> responses = race(List.of(() -> this.api.patch("/api/heroes/" + a, Map.of("mentorId", b)),
					() -> this.api.patch("/api/heroes/" + b, Map.of("mentorId", a))));
			assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
			assertThat(responses).filteredOn((response) -> response.status() == 409)
				.allSatisfy((response) -> assertThat(fieldsOf(response.json())).containsExactly("mentorId"));
			accepted++;
		}
		assertThat(this.jdbc.sql("""
				with recursive walk(start, id, depth) as (
				  select id, mentor_id, 1 from hero where mentor_id is not null
				  union all
				  select w.start, h.mentor_id, w.depth + 1 from walk w join hero h on h.id = w.id
				  where h.mentor_id is not null and w.depth < 100)
				select count(*) from walk where id = start""").query(Long.class).single()).isZero();
		System.out.println("RACE mentors: " + accepted + " rounds of opposite PATCHes -> 200 + 409 each, no cycle");
	}

	@Test
	void aPowerRetiredWhileItIsAssignedEndsAsOneOfTheTwoOrders() throws Exception {
		int linked = 0;
		int refused = 0;
		for (int round = 0; round < 12; round++) {
			long hero = hero();
			long power = power();
			List<Response> responses = race(
					List.of(() -> this.api.put("/api/heroes/" + hero + "/powers/" + power, Map.of("level", 5)),
							() -> this.api.delete("/api/powers/" + power)));
			Response assign = responses.get(0);
			assertThat(responses.get(1).status()).isEqualTo(204);
			assertThat(assign.status()).isIn(201, 404);
			if (assign.status() == 201) {
				// Assigned first: the link stays with the retired power, hidden from
				// reads.
				linked++;
				assertThat(links(hero)).isEqualTo(1);
			}
			else {
				refused++;
				assertThat(links(hero)).isZero();
			}
			assertThat(this.api.get("/api/heroes/" + hero).json().get("powers").isEmpty()).isTrue();
		}
		System.out.println(
				"RACE retire vs assign: 12 rounds -> " + linked + " assigned first, " + refused + " retired first");
	}

	@Test
	void aRestoreAndANewPowerOfTheSameNameNeverBothWin() throws Exception {
		for (int round = 0; round < 12; round++) {
			String name = Api.unique("Contested");
			long retired = this.api.post("/api/powers", Map.of("name", name, "category", "ENERGY")).id();
			assertThat(this.api.delete("/api/powers/" + retired).status()).isEqualTo(204);

			List<Response> responses = race(
					List.of(() -> this.api.post("/api/powers/" + retired + "/restore", Map.of()),
							() -> this.api.post("/api/powers", Map.of("name", name, "category", "ENERGY"))));

			assertThat(responses).filteredOn((response) -> response.status() == 409)
				.hasSize(1)
				.allSatisfy((response) -> assertThat(fieldsOf(response.json())).containsExactly("name"));
			assertThat(responses).extracting(Response::status).containsAnyOf(200, 201);
			assertThat(this.jdbc.sql("select count(*) from power where lower(name) = lower(?) and not retired")
				.param(name)
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private List<Response> race(List<Callable<Response>> requests) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> futures = new ArrayList<>();
		for (Callable<Response> request : requests) {
			futures.add(this.pool.submit(() -> {
				start.await();
				return request.call();
			}));
		}
		start.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> future : futures) {
			responses.add(future.get(30, TimeUnit.SECONDS));
		}
		return responses;
	}

	private long hero() {
		return this.api.post("/api/heroes", Map.of("name", Api.unique("Racer"), "secretName", Api.secret())).id();
	}

	private long power() {
		return this.api.post("/api/powers", Map.of("name", Api.unique("Raced"), "category", "TECH")).id();
	}

	private long links(long hero) {
		return this.jdbc.sql("select count(*) from hero_power where hero_id = ?")
			.param(hero)
			.query(Long.class)
			.single();
	}

	private long version(long hero) {
		return this.jdbc.sql("select version from hero where id = ?").param(hero).query(Long.class).single();
	}

}
