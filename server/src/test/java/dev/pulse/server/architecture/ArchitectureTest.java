package dev.pulse.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout the code promises (docs/architecture.md): no package cycles anywhere, and the layers
 * between modules and packages, so the next change cannot quietly bring one back.
 */
class ArchitectureTest
{
    private static final JavaClasses PULSE = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.pulse.detect", "dev.pulse.catalog", "dev.pulse.server");

    @Test
    void shouldHaveNoPackageCycles()
    {
        slices().matching("dev.pulse.(**)").should().beFreeOfCycles().check(PULSE);
    }

    @Test
    void shouldKeepTheRulesFreeOfTheCatalogAndTheRuntime()
    {
        noClasses().that().resideInAPackage("dev.pulse.detect..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.catalog..", "dev.pulse.server..")
            .check(PULSE);
    }

    @Test
    void shouldKeepTheCatalogFreeOfTheRuntime()
    {
        noClasses().that().resideInAPackage("dev.pulse.catalog..")
            .should().dependOnClassesThat().resideInAPackage("dev.pulse.server..")
            .check(PULSE);
    }

    @Test
    void shouldKeepTheJournalAtTheBottomOfTheServer()
    {
        noClasses().that().resideInAPackage("dev.pulse.server.journal..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.server", "dev.pulse.server.auth..", "dev.pulse.server.config..",
                "dev.pulse.server.decide..", "dev.pulse.server.html..", "dev.pulse.server.http..", "dev.pulse.server.metrics..",
                "dev.pulse.server.protocol..", "dev.pulse.server.replay..", "dev.pulse.server.report..", "dev.pulse.server.session..",
                "dev.pulse.server.timer..", "dev.pulse.server.tls..", "dev.pulse.server.ws..")
            .check(PULSE);
    }

    @Test
    void shouldKeepTheReportAndTheReplayOffTheServersRuntime()
    {
        noClasses().that().resideInAnyPackage("dev.pulse.server.report..", "dev.pulse.server.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.server.ws..", "dev.pulse.server.http..",
                "dev.pulse.server.session..", "dev.pulse.server.config..", "dev.pulse.server.auth..", "dev.pulse.server.tls..")
            .check(PULSE);
    }
}
