package io.github.crudkit.test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure of crudkit's test support: one package per concern, free of cycles, and
 * independent of any application built on the starter.
 */
@AnalyzeClasses(packages = "io.github.crudkit.test", importOptions = ImportOption.DoNotIncludeTests.class)
class CrudkitTestArchitectureTests {

	@ArchTest
	static final ArchRule packagesAreFreeOfCycles = slices().matching("io.github.crudkit.test.(*)..")
		.namingSlices("io.github.crudkit.test.$1")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule nothingDependsOnTheSample = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("io.github.crudkit.sample..");

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
