package io.hunterreferrals.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is pure Java: the only library it may touch is Guava's Public Suffix List. */
@AnalyzeClasses(packages = "io.hunterreferrals.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnTheJdkAndThePublicSuffixListOnly = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.hunterreferrals.core..", "java..", "com.google.common.net..")
            .because("core holds the business rules; frameworks, JDBC, JSON and HTTP belong in adapters");

    @ArchTest
    static final ArchRule coreAvoidsJdkInfrastructure = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "java.net.http..", "javax..", "java.util.logging..")
            .because("databases, HTTP and logging are adapters' concerns");

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles =
            slices().matching("io.hunterreferrals.core.(*)..").should().beFreeOfCycles();
}
