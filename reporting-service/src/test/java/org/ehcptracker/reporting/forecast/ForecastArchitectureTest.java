package org.ehcptracker.reporting.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The forecast is plain Java, as a domain: it reads the reporting domain's case files and nothing of its adapters. */
@AnalyzeClasses(packages = "org.ehcptracker.reporting.forecast", importOptions = ImportOption.DoNotIncludeTests.class)
class ForecastArchitectureTest {

    @ArchTest
    static final ArchRule plain_java = classes().that().resideInAPackage("org.ehcptracker.reporting.forecast..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.ehcptracker.reporting.forecast..",
                    "org.ehcptracker.reporting.domain..", "org.ehcptracker.contracts..", "org.ehcptracker.statutory..")
            .as("the forecast imports only plain Java, the reporting domain, the contracts and the statutory clock");
}
