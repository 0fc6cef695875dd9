package loopline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering the brief asks for, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("loopline");

    @Test
    void theEngineIsPlainJava() {
        noClasses().that().resideInAPackage("loopline.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..", "java.io..", "java.nio..",
                        "loopline.data..", "loopline.ui..", "loopline.report..", "loopline.cli..")
                .check(CLASSES);
    }

    @Test
    void viewsOnlyDrawTheViewModelRunsTheEngine() {
        noClasses().that().resideInAPackage("loopline.ui..")
                .and().doNotHaveSimpleName("ExplorerViewModel")
                .should().dependOnClassesThat().haveSimpleName("Estimator")
                .orShould().dependOnClassesThat().haveSimpleName("Sweep")
                .orShould().dependOnClassesThat().haveSimpleName("ChartsFactory")
                .orShould().dependOnClassesThat().haveSimpleName("ScenarioReader")
                .check(CLASSES);
    }

    @Test
    void theWindowDoesNotReachIntoTheReportOrTheApp() {
        noClasses().that().resideInAPackage("loopline.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("loopline.report..", "loopline.app..")
                .check(CLASSES);
    }

    @Test
    void chartDataIsPlainJava() {
        noClasses().that().resideInAPackage("loopline.present..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "loopline.ui..")
                .check(CLASSES);
    }

    @Test
    void dataFilesDoNotKnowAboutTheWindow() {
        noClasses().that().resideInAnyPackage("loopline.data..", "loopline.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "loopline.ui..")
                .check(CLASSES);
    }
}
