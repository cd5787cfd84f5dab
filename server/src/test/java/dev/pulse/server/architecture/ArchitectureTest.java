package dev.pulse.server.architecture;

import java.security.SecureRandom;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout the code promises (docs/architecture.md): no package cycles anywhere, and the layers
 * between modules and packages, so the next change cannot quietly bring one back.
 */
class ArchitectureTest
{
    private static final JavaClasses PULSE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // The journal's and the report's test fixtures reach the server's tests as test jars.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("dev.pulse.detect", "dev.pulse.catalog", "dev.pulse.journal", "dev.pulse.kafka", "dev.pulse.report",
            "dev.pulse.server");

    @Test
    void shouldHaveNoPackageCycles()
    {
        slices().matching("dev.pulse.(**)").should().beFreeOfCycles().check(PULSE);
    }

    /**
     * The modules, bottom to top: the rules, the catalog (what to ask) above them; the journal (the
     * record on disk) beside them, depending on no other part of Pulse; the report reading the
     * journal; the server, the runtime, on top. Maven's module dependencies already refuse an
     * upward import at compile time; this states the whole picture in one place.
     */
    @Test
    void shouldLayerTheModulesAlongThePathOfTheData()
    {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("detection-core").definedBy("dev.pulse.detect..")
            .layer("catalog").definedBy("dev.pulse.catalog..")
            .layer("journal").definedBy("dev.pulse.journal..")
            .layer("kafka").definedBy("dev.pulse.kafka..")
            .layer("report").definedBy("dev.pulse.report..")
            .layer("server").definedBy("dev.pulse.server..")
            .whereLayer("server").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyBeAccessedByLayers("server")
            .whereLayer("kafka").mayOnlyBeAccessedByLayers("report", "server")
            .whereLayer("journal").mayOnlyBeAccessedByLayers("kafka", "report", "server")
            .whereLayer("catalog").mayOnlyBeAccessedByLayers("report", "server")
            .whereLayer("detection-core").mayOnlyBeAccessedByLayers("catalog", "report", "server")
            .whereLayer("journal").mayNotAccessAnyLayer()
            .whereLayer("kafka").mayOnlyAccessLayers("journal")
            .check(PULSE);
    }

    @Test
    void shouldKeepTheReplayOffTheServersRuntime()
    {
        noClasses().that().resideInAPackage("dev.pulse.server.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.server.ws..", "dev.pulse.server.http..",
                "dev.pulse.server.session..", "dev.pulse.server.config..", "dev.pulse.server.auth..", "dev.pulse.server.tls..")
            .check(PULSE);
    }

    /**
     * The event loops make session ids with a generator of their own ({@code SessionId.newRandom()}), not the
     * default SecureRandom, whose draws all take locks shared across the process and read /dev/urandom.
     */
    @Test
    void shouldGiveEachEventLoopItsOwnRandomForSessionIds()
    {
        noClasses().that().resideInAPackage("dev.pulse.server.ws..")
            .should().callConstructor(SecureRandom.class)
            .check(PULSE);
    }

    /** Pulse logs through the SLF4J API; only the package that configures the backend knows it is Log4j. */
    @Test
    void shouldLogThroughSlf4jAndLeaveLog4jToTheLoggingPackage()
    {
        noClasses().that().resideOutsideOfPackage("dev.pulse.server.logging..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.logging..")
            .check(PULSE);
    }
}
