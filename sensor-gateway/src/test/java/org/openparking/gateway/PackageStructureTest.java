package org.openparking.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The gateway is packaged by feature; the features depend on each other in one direction only. */
class PackageStructureTest {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.openparking.gateway");

	@Test
	void featuresHaveNoCycles() {
		slices().matching("org.openparking.gateway.(*)..").should().beFreeOfCycles().check(classes);
	}
}
