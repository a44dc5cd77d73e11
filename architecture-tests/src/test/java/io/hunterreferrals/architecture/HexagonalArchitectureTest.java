package io.hunterreferrals.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.hunterreferrals.server.ServerLauncher;
import io.hunterreferrals.server.ServerOptions;
import io.hunterreferrals.server.ServerRole;
import io.hunterreferrals.server.ServerStartupException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dependency rules across modules that Maven's module graph cannot express on its own: the core knows no adapter,
 * adapters know the core but never each other, and only the apps wire them together. This module's test classpath holds
 * the main classes of every product module (see its pom), and {@link #everyModuleIsImported} fails if one is missing,
 * so no rule here can pass because the classes it speaks about were never looked at.
 *
 * <p>"Knows" means any dependency ArchUnit sees in the bytecode: imports, fields, calls, signatures, annotations.
 */
@AnalyzeClasses(packages = "io.hunterreferrals", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    private static final String PROJECT = "io.hunterreferrals..";
    private static final String CORE = "io.hunterreferrals.core..";
    private static final String PARTNER_CENTER = "io.hunterreferrals.partnercenter..";
    private static final String POSTGRES = "io.hunterreferrals.postgres..";
    private static final String HTTP = "io.hunterreferrals.http..";
    private static final String CSV = "io.hunterreferrals.csv..";
    private static final String DYNAMICS = "io.hunterreferrals.dynamics..";
    private static final String SMTP = "io.hunterreferrals.smtp..";
    private static final String WEBHOOK = "io.hunterreferrals.webhook..";
    private static final String SIMULATOR = "io.hunterreferrals.simulator..";
    private static final String APP_COMMON = "io.hunterreferrals.app..";
    private static final String CLI = "io.hunterreferrals.cli..";
    private static final String SERVER = "io.hunterreferrals.server..";
    private static final String BUILD_TOOLS = "io.hunterreferrals.buildtools..";

    /** Each product module's root package; every imported class must be in one, and each must hold classes. */
    private static final Map<String, String> MODULES = modules();

    private static Map<String, String> modules() {
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("core", CORE);
        modules.put("adapter-partnercenter", PARTNER_CENTER);
        modules.put("adapter-postgres", POSTGRES);
        modules.put("adapter-http", HTTP);
        modules.put("adapter-csv", CSV);
        modules.put("adapter-dynamics365", DYNAMICS);
        modules.put("adapter-smtp", SMTP);
        modules.put("adapter-webhook", WEBHOOK);
        modules.put("simulator", SIMULATOR);
        modules.put("app-common", APP_COMMON);
        modules.put("app-cli", CLI);
        modules.put("app-server", SERVER);
        return modules;
    }

    // --- the import itself ---------------------------------------------------------------------------------------

    /** A module left off this module's classpath (or a package renamed) would make every rule about it vacuous. */
    @ArchTest
    static void everyModuleIsImported(JavaClasses imported) {
        List<String> empty = new ArrayList<>();
        MODULES.forEach((module, rootPackage) -> {
            if (imported.that(resideInAPackage(rootPackage)).isEmpty()) {
                empty.add(module + " (" + rootPackage + ")");
            }
        });
        assertTrue(
                empty.isEmpty(),
                "no main classes imported of " + empty
                        + ": add the module to architecture-tests/pom.xml, or fix its package in MODULES");
    }

    /** A new module or root package must be given its rules here before it can be merged. */
    @ArchTest
    static final ArchRule everyClassBelongsToAKnownModule = classes()
            .should()
            .resideInAnyPackage(MODULES.values().toArray(String[]::new))
            .because("each module's dependencies are checked by the rules below, by its root package");

    // --- core ----------------------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule coreKnowsNoAdapterOrApp =
            noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat(projectClassesOutside(CORE));

    /** The same as core's own ArchitectureTest, seen from here: no framework, JDBC, JSON or HTTP library. */
    @ArchTest
    static final ArchRule coreDependsOnTheJdkAndGuavaOnly = classes()
            .that()
            .resideInAPackage(CORE)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(CORE, "java..", "com.google.common.net..")
            .because("core holds the business rules; technology belongs in adapters (Guava only for the Public "
                    + "Suffix List)");

    // --- adapters: the core and nothing else of the project --------------------------------------------------------

    @ArchTest
    static final ArchRule partnerCenterAdapterKnowsOnlyTheCore = noClasses()
            .that()
            .resideInAPackage(PARTNER_CENTER)
            .should()
            .dependOnClassesThat(projectClassesOutside(PARTNER_CENTER, CORE));

    @ArchTest
    static final ArchRule postgresAdapterKnowsOnlyTheCore = noClasses()
            .that()
            .resideInAPackage(POSTGRES)
            .should()
            .dependOnClassesThat(projectClassesOutside(POSTGRES, CORE));

    @ArchTest
    static final ArchRule csvAdapterKnowsOnlyTheCore =
            noClasses().that().resideInAPackage(CSV).should().dependOnClassesThat(projectClassesOutside(CSV, CORE));

    @ArchTest
    static final ArchRule httpAdapterKnowsOnlyTheCore =
            noClasses().that().resideInAPackage(HTTP).should().dependOnClassesThat(projectClassesOutside(HTTP, CORE));

    @ArchTest
    static final ArchRule dynamicsAdapterKnowsOnlyTheCore = noClasses()
            .that()
            .resideInAPackage(DYNAMICS)
            .should()
            .dependOnClassesThat(projectClassesOutside(DYNAMICS, CORE));

    @ArchTest
    static final ArchRule smtpAdapterKnowsOnlyTheCore =
            noClasses().that().resideInAPackage(SMTP).should().dependOnClassesThat(projectClassesOutside(SMTP, CORE));

    @ArchTest
    static final ArchRule webhookAdapterKnowsOnlyTheCore = noClasses()
            .that()
            .resideInAPackage(WEBHOOK)
            .should()
            .dependOnClassesThat(projectClassesOutside(WEBHOOK, CORE));

    // --- the simulator -------------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule theSimulatorStandsAlone = noClasses()
            .that()
            .resideInAPackage(SIMULATOR)
            .should()
            .dependOnClassesThat(projectClassesOutside(SIMULATOR));

    /** Tests and the apps' demo mode use the simulator; the product's rules and adapters never do. */
    @ArchTest
    static final ArchRule noCoreOrAdapterCodeUsesTheSimulator = noClasses()
            .that()
            .resideInAnyPackage(CORE, PARTNER_CENTER, POSTGRES, CSV, HTTP, DYNAMICS, SMTP, WEBHOOK)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SIMULATOR);

    // --- apps ----------------------------------------------------------------------------------------------------

    /** The shared app layer serves both apps and knows neither: the core, the driven adapters and the simulator. */
    @ArchTest
    static final ArchRule appCommonKnowsNoApp = noClasses()
            .that()
            .resideInAPackage(APP_COMMON)
            .should()
            .dependOnClassesThat(projectClassesOutside(
                    APP_COMMON, CORE, PARTNER_CENTER, POSTGRES, CSV, DYNAMICS, SMTP, WEBHOOK, SIMULATOR));

    @ArchTest
    static final ArchRule serverKnowsNoCli = noClasses()
            .that()
            .resideInAPackage(SERVER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(CLI);

    /**
     * The CLI knows the server only to start it: {@code hunter server} is {@code ServerCommand} calling the server's
     * public launch API (ADR 0001, docs/architecture.md). No other command reaches into the server, so nothing of the
     * server's wiring leaks into the command line.
     */
    @ArchTest
    static final ArchRule cliKnowsNoServerButItsLaunchApi = noClasses()
            .that()
            .resideInAPackage(CLI)
            .should()
            .dependOnClassesThat(resideInAPackage(SERVER)
                    .and(not(belongToAnyOf(
                            ServerLauncher.class,
                            ServerOptions.class,
                            ServerRole.class,
                            ServerStartupException.class))));

    @ArchTest
    static final ArchRule onlyServerCommandStartsTheServer = noClasses()
            .that()
            .resideInAPackage(CLI)
            .and()
            .doNotHaveFullyQualifiedName("io.hunterreferrals.cli.ServerCommand")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVER);

    /** jOOQ's code generator runs at build time only; nothing shipped may need it. */
    @ArchTest
    static final ArchRule noProductCodeUsesTheBuildTools =
            noClasses().should().dependOnClassesThat().resideInAPackage(BUILD_TOOLS);

    // --- cycles --------------------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles =
            slices().matching("io.hunterreferrals.(*)..").should().beFreeOfCycles();

    /** jOOQ's generated classes reference each other across their packages by design; they are not ours. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("io.hunterreferrals.(**)")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(
                    JavaClass.Predicates.resideInAPackage("io.hunterreferrals.postgres.jooq.."),
                    DescribedPredicate.alwaysTrue());

    /** Classes of the project outside the given root packages. */
    private static DescribedPredicate<JavaClass> projectClassesOutside(String... allowed) {
        return resideInAPackage(PROJECT)
                .and(not(resideInAnyPackage(allowed)))
                .as("classes of the project outside " + String.join(", ", allowed));
    }
}
