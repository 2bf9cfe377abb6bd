package io.github.crudkit.statements;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatementTrackerTests {

	private static final String LAZY_TEAM = "select t1_0.id,t1_0.name from team t1_0 where t1_0.id=?";

	private final List<UnitOfWorkStatistics> completed = new ArrayList<>();

	private final AssociationResolver resolver = (sql) -> sql.contains("from team")
			? new AssociationResolver.Target("Team", List.of("Hero.team")) : null;

	@Test
	void countsStatementsOfAUnitOfWorkByKind() {
		StatementTracker tracker = tracker(StatementTracker.Mode.LOG, 5);
		try (StatementTracker.Scope scope = tracker.begin("GET /things")) {
			tracker.record("select * from hero", false);
			tracker.record("select count(*) from hero", false);
			tracker.record("insert into hero values (?)", true);
			tracker.record("update hero set a = ?", false);
			tracker.record("delete from hero where id = ?", false);
		}
		assertThat(this.completed).singleElement().satisfies((unit) -> {
			assertThat(unit.unitOfWork()).isEqualTo("GET /things");
			assertThat(unit.statements()).isEqualTo(5);
			assertThat(unit.selects()).isEqualTo(2);
			assertThat(unit.inserts()).isOne();
			assertThat(unit.updates()).isOne();
			assertThat(unit.deletes()).isOne();
			assertThat(unit.batches()).isOne();
			assertThat(unit.detections()).isEmpty();
		});
	}

	@Test
	void statementsOutsideAnyUnitOfWorkAreNotCounted() {
		StatementTracker tracker = tracker(StatementTracker.Mode.FAIL, 2);
		tracker.record(LAZY_TEAM, false);
		tracker.record(LAZY_TEAM, false);
		assertThat(this.completed).isEmpty();
		assertThat(tracker.currentStatistics()).isEmpty();
	}

	@Test
	void logModeReportsTheRepeatedSingleRowSelectOnceWithItsFinalCount() {
		StatementTracker tracker = tracker(StatementTracker.Mode.LOG, 3);
		try (StatementTracker.Scope scope = tracker.begin("GET /heroes")) {
			for (int i = 0; i < 7; i++) {
				tracker.record(LAZY_TEAM, false);
			}
		}
		assertThat(this.completed).singleElement().satisfies((unit) -> {
			assertThat(unit.detections()).singleElement().satisfies((detection) -> {
				assertThat(detection.count()).isEqualTo(7);
				assertThat(detection.entity()).isEqualTo("Team");
				assertThat(detection.associations()).containsExactly("Hero.team");
				assertThat(detection.location()).contains(StatementTrackerTests.class.getName());
				assertThat(detection.message()).contains("N+1 in GET /heroes", "ran 7 times",
						"loading Team through Hero.team", "'join fetch'", "FetchJoins.left(\"team\")",
						"@EntityGraph(attributePaths = \"team\")");
			});
		});
	}

	@Test
	void failModeThrowsAtTheThreshold() {
		StatementTracker tracker = tracker(StatementTracker.Mode.FAIL, 3);
		try (StatementTracker.Scope scope = tracker.begin("GET /heroes")) {
			tracker.record(LAZY_TEAM, false);
			tracker.record(LAZY_TEAM, false);
			assertThatExceptionOfType(NPlusOneException.class).isThrownBy(() -> tracker.record(LAZY_TEAM, false))
				.satisfies((ex) -> assertThat(ex.getDetection().count()).isEqualTo(3));
		}
	}

	@Test
	void offModeCountsButDetectsNothing() {
		StatementTracker tracker = tracker(StatementTracker.Mode.OFF, 2);
		try (StatementTracker.Scope scope = tracker.begin("GET /heroes")) {
			for (int i = 0; i < 10; i++) {
				tracker.record(LAZY_TEAM, false);
			}
		}
		assertThat(this.completed).singleElement().satisfies((unit) -> {
			assertThat(unit.statements()).isEqualTo(10);
			assertThat(unit.detections()).isEmpty();
		});
	}

	@Test
	void batchedLoadsAndJdbcBatchesAreNeverAnNPlusOne() {
		StatementTracker tracker = tracker(StatementTracker.Mode.FAIL, 2);
		try (StatementTracker.Scope scope = tracker.begin("GET /heroes")) {
			for (int i = 0; i < 5; i++) {
				tracker.record("select t1_0.id from team t1_0 where t1_0.id in (?,?,?,?)", false);
				tracker.record("select t1_0.id from team t1_0 where t1_0.id = any (?)", false);
				tracker.record("select t1_0.id from team t1_0 where t1_0.id=any(?)", false);
				tracker.record("insert into hero (id) values (?)", true);
				tracker.record("select nextval('hero_seq')", false);
				tracker.record("select count(*) from hero", false);
			}
		}
		assertThat(this.completed).singleElement().satisfies((unit) -> assertThat(unit.detections()).isEmpty());
	}

	@Test
	void nestedUnitsBelongToTheOuterOne() {
		StatementTracker tracker = tracker(StatementTracker.Mode.LOG, 5);
		try (StatementTracker.Scope outer = tracker.begin("GET /outer")) {
			try (StatementTracker.Scope inner = tracker.begin("GET /inner")) {
				tracker.record("select 1", false);
			}
			tracker.record("select 2", false);
			assertThat(tracker.currentStatistics()).get().extracting(UnitOfWorkStatistics::statements).isEqualTo(2);
		}
		assertThat(this.completed).singleElement().extracting(UnitOfWorkStatistics::unitOfWork).isEqualTo("GET /outer");
	}

	@Test
	void aTransactionOutsideARequestIsItsOwnUnitOfWork() {
		StatementTracker tracker = tracker(StatementTracker.Mode.LOG, 5);
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setCurrentTransactionName("HeroService.rename");
		try {
			tracker.record("select 1", false);
			tracker.record("update hero set name = ?", false);
			assertThat(this.completed).isEmpty();
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
			}
		}
		finally {
			TransactionSynchronizationManager.clear();
		}
		assertThat(this.completed).singleElement().satisfies((unit) -> {
			assertThat(unit.unitOfWork()).isEqualTo("transaction HeroService.rename");
			assertThat(unit.statements()).isEqualTo(2);
		});
		assertThat(tracker.currentStatistics()).isEmpty();
	}

	@Test
	void recorderCollectsCompletedUnitsUntilClosed() {
		StatementTracker tracker = tracker(StatementTracker.Mode.LOG, 5);
		StatementRecorder recorder = StatementRecorder.start(tracker);
		try (StatementTracker.Scope scope = tracker.begin("GET /a")) {
			tracker.record("select 1", false);
		}
		assertThat(recorder.single().unitOfWork()).isEqualTo("GET /a");
		recorder.close();
		try (StatementTracker.Scope scope = tracker.begin("GET /b")) {
			tracker.record("select 1", false);
		}
		assertThat(recorder.units()).hasSize(1);
	}

	@Test
	void thresholdBelowTwoIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> tracker(StatementTracker.Mode.LOG, 1));
	}

	private StatementTracker tracker(StatementTracker.Mode mode, int threshold) {
		StatementTracker tracker = new StatementTracker(mode, threshold, this.resolver);
		tracker.addListener(this.completed::add);
		return tracker;
	}

}
