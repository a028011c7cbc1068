package org.openparking.adminui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walking skeleton's rules: views talk to the port only, time comes from the Clock, features stay apart. */
@AnalyzeClasses(packages = "org.openparking.adminui", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule viewsUseThePortNotTheGraphQlAdapter = noClasses().that()
		.resideInAPackage("..ui..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..parking.graphql..", "org.springframework.graphql..", "org.springframework.web.reactive..",
				"org.springframework.jdbc..");

	@ArchTest
	static final ArchRule thePortKnowsNothingOfVaadinOrGraphQl = noClasses().that()
		.resideInAPackage("org.openparking.adminui.parking")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("com.vaadin..", "org.springframework.graphql..", "..parking.graphql..");

	@ArchTest
	static final ArchRule timeComesFromTheInjectedClock = noClasses().that()
		.doNotHaveSimpleName("ClockConfiguration")
		.should()
		.callMethod(java.time.Instant.class, "now")
		.orShould()
		.callMethod(java.time.Clock.class, "systemUTC")
		.orShould()
		.callMethod(java.time.Clock.class, "systemDefaultZone")
		.orShould()
		.callMethod(java.time.LocalDateTime.class, "now");

	/** The security configuration names its login view, as Vaadin's guide does; nothing else may close a cycle. */
	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("org.openparking.adminui.(**)")
		.should()
		.beFreeOfCycles()
		.ignoreDependency(JavaClass.Predicates.simpleName("SecurityConfiguration"),
				JavaClass.Predicates.simpleName("LoginView"));

	@ArchTest
	static final ArchRule onlyTheSecurityFeatureTouchesTheUserTable = noClasses().that()
		.resideOutsideOfPackages("..security..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.jdbc..");
}
