package org.storeline.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.storeline.core.money.Money;
import org.storeline.core.sale.Sale;

/**
 * Core holds the domain and its ports only (docs/ARCHITECTURE.md, conventions 1 and 14). These rules keep
 * infrastructure out of it; each failure message says where the offending code belongs instead.
 */
class CoreArchitectureTest {
    private static final String CORE = "org.storeline.core..";

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.storeline.core");
    }

    static ArchRule noDatabaseCode(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..")
                .because("core holds the domain and ports only; put database code (jOOQ, JDBC, DataSource) in the db "
                        + "module behind a repository port such as SaleRepository, "
                        + "and pass plain domain values across it");
    }

    static ArchRule noWebCode(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..")
                .because("core knows nothing of HTTP; put routes and request handling in the web module and have them "
                        + "call core's use-case services with domain values");
    }

    static ArchRule noJson(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml.jackson..", "tools.jackson..")
                .because("JSON is a wire format, not the domain; map JSON to core's records in the web module or in a "
                        + "connector's mapper, and keep annotations off core's types");
    }

    static ArchRule noOutboundHttp(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.net.http..")
                .because("core makes no network calls; declare a port interface in core and implement it with the JDK "
                        + "HttpClient in channels/api or a connector module");
    }

    static ArchRule noUtilPackages(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .resideInAnyPackage("..util..", "..utils..")
                .because("core is organised by feature (sale, register, money, ...); move the helper into the feature "
                        + "package that uses it, or into a value object of its own (convention 1)");
    }

    @Test
    void importsTheProductionClassesOfCoreAndNoTests() {
        assertThat(core.contain(Sale.class)).isTrue();
        assertThat(core.contain(Money.class)).isTrue();
        assertThat(core.contain(CoreArchitectureTest.class)).isFalse();
    }

    @Test
    void coreDoesNotDependOnDatabaseCode() {
        noDatabaseCode(CORE).check(core);
    }

    @Test
    void coreDoesNotDependOnJavalin() {
        noWebCode(CORE).check(core);
    }

    @Test
    void coreDoesNotDependOnJackson() {
        noJson(CORE).check(core);
    }

    @Test
    void coreDoesNotMakeHttpCalls() {
        noOutboundHttp(CORE).check(core);
    }

    @Test
    void coreHasNoUtilPackages() {
        noUtilPackages(CORE).check(core);
    }

    // The rules must be able to fail: each is shown a class that breaks it.

    @Test
    void theDatabaseRuleCatchesAClassThatUsesJdbc() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesJdbc.class);
        assertThatThrownBy(() -> noDatabaseCode(CORE).check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.sql.Connection")
                .hasMessageContaining("behind a repository port");
    }

    @Test
    void theHttpRuleCatchesAClassThatUsesTheJdkHttpClient() {
        JavaClasses offender = new ClassFileImporter().importClasses(UsesHttpClient.class);
        assertThatThrownBy(() -> noOutboundHttp(CORE).check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.net.http.HttpClient")
                .hasMessageContaining("declare a port interface");
    }

    @Test
    void theUtilRuleCatchesAClassInAUtilPackage() {
        JavaClasses offender = new ClassFileImporter().importClasses(Optional.class);
        assertThatThrownBy(() -> noUtilPackages("java..").check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.util.Optional")
                .hasMessageContaining("feature package");
    }

    @SuppressWarnings("unused")
    static final class UsesJdbc {
        private Connection connection;
    }

    @SuppressWarnings("unused")
    static final class UsesHttpClient {
        private HttpClient client;
    }
}
