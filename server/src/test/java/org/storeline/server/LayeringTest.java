package org.storeline.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The modules depend on each other only the way docs/ARCHITECTURE.md draws it. */
class LayeringTest {
    private static final JavaClasses STORELINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.storeline");

    @Test
    void theWebLayerReachesTheDatabaseOnlyThroughCorePorts() {
        noClasses()
                .that()
                .resideInAPackage("org.storeline.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.storeline.db..", "org.jooq..")
                .because("handlers call core use cases; the server module wires the jOOQ adapters behind core's ports")
                .check(STORELINE);
    }

    @Test
    void theDatabaseLayerKnowsNothingOfHttp() {
        noClasses()
                .that()
                .resideInAPackage("org.storeline.db..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.storeline.web..", "io.javalin..", "com.fasterxml.jackson..")
                .because("repositories map rows to core types; JSON and HTTP belong to the web module")
                .check(STORELINE);
    }

    @Test
    void coreDependsOnNoOtherStorelineModule() {
        noClasses()
                .that()
                .resideInAPackage("org.storeline.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.storeline.db..",
                        "org.storeline.web..",
                        "org.storeline.server..",
                        "org.storeline.channels..",
                        "org.storeline.documents..",
                        "org.apache.pdfbox..",
                        "com.google.zxing..")
                .because("core is the centre: other modules depend on it, never the other way round")
                .check(STORELINE);
    }

    @Test
    void documentsArePrintedBehindCoresPortAndKnowOnlyCore() {
        noClasses()
                .that()
                .resideInAPackage("org.storeline.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.storeline.documents..", "org.apache.pdfbox..", "com.google.zxing..")
                .because("handlers call PackingSlipService; the server module wires the PDFBox adapter behind "
                        + "core's PackingSlips port")
                .check(STORELINE);
        noClasses()
                .that()
                .resideInAPackage("org.storeline.documents..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.storeline.db..",
                        "org.storeline.web..",
                        "org.storeline.server..",
                        "io.javalin..",
                        "com.fasterxml.jackson..",
                        "org.jooq..")
                .because("a document is made from core's values alone (PackingSlip), with no I/O of its own")
                .check(STORELINE);
    }
}
