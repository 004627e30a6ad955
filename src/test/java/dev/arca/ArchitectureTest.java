package dev.arca;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency direction of ARCHITECTURE.md, enforced from day one. */
@AnalyzeClasses(packages = "dev.arca", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String JAVAFX = "javafx..";
    private static final String AWS_SDK = "software.amazon.awssdk..";

    @ArchTest
    static final ArchRule serverNeverImportsTheGui = noClasses().that().resideInAPackage("dev.arca.server..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.arca.ui..", "dev.arca.gateway..",
                    "dev.arca.workflow..", "dev.arca.app..", JAVAFX);

    @ArchTest
    static final ArchRule guiNeverImportsTheServer = noClasses().that().resideInAPackage("dev.arca.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.arca.server..", "dev.arca.app..");

    @ArchTest
    static final ArchRule coreIsPure = classes().that().resideInAPackage("dev.arca.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.arca.core..", "java..");

    @ArchTest
    static final ArchRule gatewayDependsOnlyOnCore = noClasses().that().resideInAPackage("dev.arca.gateway..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.arca.ui..", "dev.arca.server..",
                    "dev.arca.workflow..", "dev.arca.app..", JAVAFX);

    /** Empty until the workflows land; the rule is in place before the first class is. */
    @ArchTest
    static final ArchRule workflowHasNoGuiOrServer = noClasses().that().resideInAPackage("dev.arca.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.arca.ui..", "dev.arca.server..",
                    "dev.arca.app..", JAVAFX)
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule viewModelsKnowNoScenesAndNoSdk = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", AWS_SDK)
            .allowEmptyShould(false);

    /** The server's S3 blobs are the one exception: object storage is where its bytes live, not a service it fronts. */
    @ArchTest
    static final ArchRule onlyTheGatewayTouchesTheSdk = noClasses().that().resideOutsideOfPackages(
                    "dev.arca.gateway..", "dev.arca.app..", "dev.arca.server.store.s3..")
            .should().dependOnClassesThat().resideInAPackage(AWS_SDK);

    @ArchTest
    static final ArchRule nothingButTheLauncherWiresEverything = noClasses().that().resideOutsideOfPackage("dev.arca.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.arca.app..");

    /** The server's parts depend on one another one way only: http → api → services → store, never back. */
    @ArchTest
    static final ArchRule serverPartsHaveNoCycles = slices().matching("dev.arca.server.(*)..").should()
            .beFreeOfCycles();

    /**
     * The API reads requests and shapes responses; what happens in between is a service's: it never opens a
     * transaction or reads a table itself.
     */
    @ArchTest
    static final ArchRule apiTalksToServicesNotTheStore = noClasses().that().resideInAPackage("dev.arca.server.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.arca.server.store..");

    /** The package protocols stand beside the control-plane API, each on the services alone. */
    @ArchTest
    static final ArchRule formatsDoNotUseTheApi = noClasses().that().resideInAPackage("dev.arca.server.formats..")
            .should().dependOnClassesThat().resideInAPackage("dev.arca.server.api..");
}
