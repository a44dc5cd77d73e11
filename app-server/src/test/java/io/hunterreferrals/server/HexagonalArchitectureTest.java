package io.hunterreferrals.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules across modules that Maven's module graph cannot express on its own: the core
 * knows no adapter, adapters know the core but never each other, and only the apps wire them together.
 * Runs here because app-server's classpath holds every module.
 */
@AnalyzeClasses(packages = "io.hunterreferrals", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    private static final String CORE = "io.hunterreferrals.core..";
    private static final String PARTNER_CENTER = "io.hunterreferrals.partnercenter..";
    private static final String POSTGRES = "io.hunterreferrals.postgres..";
    private static final String HTTP = "io.hunterreferrals.http..";
    private static final String SIMULATOR = "io.hunterreferrals.simulator..";
    private static final String APPS = "io.hunterreferrals.cli..";
    private static final String APP_COMMON = "io.hunterreferrals.app..";
    private static final String SERVER = "io.hunterreferrals.server..";

    @ArchTest
    static final ArchRule coreKnowsNoAdapterOrApp = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(PARTNER_CENTER, POSTGRES, HTTP, SIMULATOR, APPS, SERVER, APP_COMMON);

    @ArchTest
    static final ArchRule partnerCenterAdapterKnowsOnlyTheCore = noClasses().that().resideInAPackage(PARTNER_CENTER)
            .should().dependOnClassesThat().resideInAnyPackage(POSTGRES, HTTP, SIMULATOR, APPS, SERVER, APP_COMMON);

    @ArchTest
    static final ArchRule postgresAdapterKnowsOnlyTheCore = noClasses().that().resideInAPackage(POSTGRES)
            .should().dependOnClassesThat().resideInAnyPackage(PARTNER_CENTER, HTTP, SIMULATOR, APPS, SERVER, APP_COMMON);

    @ArchTest
    static final ArchRule httpAdapterKnowsOnlyTheCore = noClasses().that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(PARTNER_CENTER, POSTGRES, SIMULATOR, APPS, SERVER, APP_COMMON);

    @ArchTest
    static final ArchRule theSimulatorStandsAlone = noClasses().that().resideInAPackage(SIMULATOR)
            .should().dependOnClassesThat().resideInAnyPackage(CORE, PARTNER_CENTER, POSTGRES, HTTP, APPS, SERVER, APP_COMMON);

    /** The shared app layer serves both apps and knows neither; the server never reaches into the CLI. */
    @ArchTest
    static final ArchRule appCommonKnowsNoApp = noClasses().that().resideInAPackage(APP_COMMON)
            .should().dependOnClassesThat().resideInAnyPackage(APPS, SERVER);

    @ArchTest
    static final ArchRule serverKnowsNoCli = noClasses().that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAPackage(APPS);

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("io.hunterreferrals.(*)..").should().beFreeOfCycles();

    /** jOOQ's generated classes reference each other across their packages by design; they are not ours. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.hunterreferrals.(**)").should().beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("io.hunterreferrals.postgres.jooq.."), DescribedPredicate.alwaysTrue());
}
