package io.github.crudkit.sample;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.jspecify.annotations.NullMarked;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The sample's structure: one package per resource; a resource may use another's
 * entities, records and repositories, never its services or controllers.
 */
@AnalyzeClasses(packages = "io.github.crudkit.sample", importOptions = ImportOption.DoNotIncludeTests.class)
class SampleArchitectureTests {

	private static final DescribedPredicate<JavaClass> SHARED = DescribedPredicate
		.describe("entities, records and repositories", (JavaClass javaClass) -> javaClass.isAnnotatedWith(Entity.class)
				|| javaClass.isRecord() || javaClass.isAssignableTo(Repository.class));

	private static final DescribedPredicate<JavaClass> SERVICES_AND_CONTROLLERS = simpleNameEndingWith("Service")
		.or(simpleNameEndingWith("Controller"))
		.as("services and controllers");

	// A hero has a team and a team lists its heroes: the two packages share entities,
	// records and repositories both ways, which is no cycle to break.
	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("io.github.crudkit.sample.(*)..")
		.namingSlices("io.github.crudkit.sample.$1")
		.should()
		.beFreeOfCycles()
		.ignoreDependency(resideInAPackage("io.github.crudkit.sample.."),
				resideInAPackage("io.github.crudkit.sample..").and(SHARED));

	@ArchTest
	static final ArchRule heroesUseNoTeamServiceOrController = noClasses().that()
		.resideInAPackage("io.github.crudkit.sample.hero..")
		.should()
		.dependOnClassesThat(resideInAPackage("io.github.crudkit.sample.team..").and(SERVICES_AND_CONTROLLERS));

	@ArchTest
	static final ArchRule teamsUseNoHeroServiceOrController = noClasses().that()
		.resideInAPackage("io.github.crudkit.sample.team..")
		.should()
		.dependOnClassesThat(resideInAPackage("io.github.crudkit.sample.hero..").and(SERVICES_AND_CONTROLLERS));

	@ArchTest
	static final ArchRule everyPackageIsNullMarked = classes().should(resideInANullMarkedPackage());

	private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
		return new ArchCondition<>("reside in a package whose package-info is annotated @NullMarked") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				boolean satisfied = javaClass.getPackage().isAnnotatedWith(NullMarked.class);
				events.add(new SimpleConditionEvent(javaClass, satisfied, "package " + javaClass.getPackageName()
						+ (satisfied ? " is" : " is not") + " @NullMarked, in " + javaClass.getName()));
			}

		};
	}

}
