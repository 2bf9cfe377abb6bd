package io.github.crudkit.advisor.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.crudkit.advisor.Advice;
import io.github.crudkit.advisor.AdviceCode;
import io.github.crudkit.advisor.autoconfigure.CrudkitAdvisorProperties.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MappingAdvisorStartupCheck}: what each mode does with findings, and
 * with an advisor that cannot run.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingAdvisorStartupCheckTests {

	private static final Advice FINDING = new Advice(AdviceCode.NO_VERSION, "Hero", null,
			"the entity has no @Version attribute");

	@Test
	void failModeMakesEachFindingAProblem() {
		assertThat(new MappingAdvisorStartupCheck(() -> List.of(FINDING), Mode.FAIL).problems())
			.containsExactly(FINDING.toString());
	}

	@Test
	void warnModeLogsEachFindingAndReportsNoProblem(CapturedOutput output) {
		assertThat(new MappingAdvisorStartupCheck(() -> List.of(FINDING), Mode.WARN).problems()).isEmpty();
		assertThat(output).contains("JPA mapping advisor: CK-M005 Hero: the entity has no @Version attribute");
	}

	@Test
	void offModeDoesNotRunTheAdvisor() {
		AtomicInteger runs = new AtomicInteger();
		new MappingAdvisorStartupCheck(() -> {
			runs.incrementAndGet();
			return List.of(FINDING);
		}, Mode.OFF).problems();
		assertThat(runs).hasValue(0);
	}

	@Test
	void anAdvisorThatCannotRunIsAProblemOnlyInFailMode(CapturedOutput output) {
		MappingAdvisorStartupCheck failing = new MappingAdvisorStartupCheck(() -> {
			throw new IllegalStateException("The mapping advisor cannot read the database: refused");
		}, Mode.FAIL);
		assertThat(failing.problems()).containsExactly(
				"the mapping advisor could not run: The mapping advisor cannot read the database: refused");
		MappingAdvisorStartupCheck warning = new MappingAdvisorStartupCheck(() -> {
			throw new IllegalStateException("refused");
		}, Mode.WARN);
		assertThat(warning.problems()).isEmpty();
		assertThat(output).contains("The JPA mapping advisor could not run: refused");
	}

}
