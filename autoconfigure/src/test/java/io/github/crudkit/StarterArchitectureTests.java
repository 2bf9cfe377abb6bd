package io.github.crudkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.crudkit.error.autoconfigure.CrudkitErrorAutoConfiguration;
import org.jspecify.annotations.NullMarked;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's structure: one package per feature, API on top and wiring in its
 * {@code .autoconfigure} sub-package, the error package at the bottom, and Boot's shape
 * for every auto-configuration.
 */
@AnalyzeClasses(packages = "io.github.crudkit", importOptions = ImportOption.DoNotIncludeTests.class)
class StarterArchitectureTests {

	private static final String AUTO_CONFIGURATION_IMPORTS = "META-INF/spring/"
			+ "org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("io.github.crudkit.(*)..")
		.namingSlices("io.github.crudkit.$1")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule errorPackageDependsOnNoOtherFeature = noClasses().that()
		.resideInAPackage("io.github.crudkit.error..")
		.should()
		.dependOnClassesThat(resideInAPackage("io.github.crudkit..")
			.and(DescribedPredicate.not(resideInAPackage("io.github.crudkit.error.."))))
		.as("io.github.crudkit.error.. should depend on no other package of io.github.crudkit..");

	@ArchTest
	static final ArchRule autoConfigurationsArePublicFinalAndInAnAutoconfigurePackage = classes().that()
		.areAnnotatedWith(AutoConfiguration.class)
		.should()
		.bePublic()
		.andShould()
		.haveModifier(JavaModifier.FINAL)
		.andShould()
		.resideInAPackage("..autoconfigure");

	// The implicit constructor of a public class is public: constructors are left out.
	@ArchTest
	static final ArchRule autoConfigurationsHaveNoPublicMethodsOrFields = members().that()
		.areDeclaredInClassesThat()
		.areAnnotatedWith(AutoConfiguration.class)
		.and(DescribedPredicate.describe("are not constructors",
				(JavaMember member) -> !(member instanceof JavaConstructor)))
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule autoConfigurationsHaveNoPublicNestedClasses = classes()
		.that(DescribedPredicate.describe("are nested in an auto-configuration",
				(JavaClass javaClass) -> javaClass.getEnclosingClass()
					.map((enclosing) -> enclosing.isAnnotatedWith(AutoConfiguration.class))
					.orElse(false)))
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule autoConfigurationsAreAnnotatedAndListed = classes().that()
		.haveSimpleNameEndingWith("AutoConfiguration")
		.should()
		.beAnnotatedWith(AutoConfiguration.class)
		.andShould(beListedIn(AUTO_CONFIGURATION_IMPORTS));

	@ArchTest
	static final ArchRule nothingDependsOnTheSample = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("io.github.crudkit.sample..");

	// ArchUnit cannot see Javadoc; what it can see is that every package declares its
	// nullness.
	@ArchTest
	static final ArchRule everyPackageIsNullMarked = classes().should(resideInANullMarkedPackage());

	private static ArchCondition<JavaClass> beListedIn(String importsFile) {
		Set<String> listed = readImports(importsFile);
		return new ArchCondition<>("be listed in " + importsFile) {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				boolean satisfied = listed.contains(javaClass.getName());
				events.add(new SimpleConditionEvent(javaClass, satisfied,
						javaClass.getName() + (satisfied ? " is" : " is not") + " listed in " + importsFile));
			}

		};
	}

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

	// The file next to the starter's classes, not a file of the same name in another
	// jar.
	private static Set<String> readImports(String importsFile) {
		try {
			Path classes = Path
				.of(CrudkitErrorAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return Files.readAllLines(classes.resolve(importsFile))
				.stream()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
