package org.ehcptracker.reporting;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.ehcptracker.architecture.ServiceArchitecture;

/** The import rules every service keeps (platform/architecture-rules). */
@AnalyzeClasses(packages = "org.ehcptracker.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule alone = ServiceArchitecture.noOtherService("reporting");
}
