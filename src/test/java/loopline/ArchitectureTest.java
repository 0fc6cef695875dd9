package loopline;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rooms of ../shared/DESIGN.md, checked on the compiled classes package by package. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("loopline");

    /** What a view may know of the engine: the scenario's vocabulary, never a formula or a result. */
    private static final Set<String> SCENARIO_VOCABULARY = Set.of("Scenario", "ScenarioField", "ScenarioField$Kind",
            "ScenarioFields", "Gpu", "ModelArchitecture", "Moe", "MultiHeadLatentAttention", "SlidingWindow", "Precision", "TypedNumber");

    @Test
    void eachPackageDependsOnlyOnTheRoomsBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("loopline.app..")
                .layer("report").definedBy("loopline.report..")
                .layer("cli").definedBy("loopline.cli..")
                .layer("ui").definedBy("loopline.ui..")
                .layer("fx").definedBy("loopline.fx..")
                .layer("data").definedBy("loopline.data..")
                .layer("present").definedBy("loopline.present..")
                .layer("engine").definedBy("loopline.engine..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("report", "app")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("report", "app")
                .whereLayer("fx").mayOnlyBeAccessedByLayers("ui", "report", "app")
                .whereLayer("data").mayOnlyBeAccessedByLayers("fx", "ui", "cli", "report", "app")
                .whereLayer("present").mayOnlyBeAccessedByLayers("ui", "cli", "report", "app")
                .check(CLASSES);
    }

    @Test
    void theEngineIsPlainJavaAndImportsNothingOfOurs() {
        classes().that().resideInAPackage("loopline.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.math..", "loopline.engine..")
                .check(CLASSES);
    }

    /**
     * The hardware room (accelerators, number formats, measured kernel tables) is the engine's foundation: the rest of
     * the engine builds on it, it knows nothing of models, serving or training (only the shared id parsing).
     */
    @Test
    void theHardwareRoomKnowsNothingOfModelsServingOrTraining() {
        classes().that().resideInAPackage("loopline.engine.hardware..")
                .should().onlyDependOnClassesThat(describe("java or the hardware room (and engine.Ids)",
                        (JavaClass c) -> c.getPackageName().startsWith("java.") || c.getPackageName().startsWith("loopline.engine.hardware")
                                || c.getName().equals("loopline.engine.Ids")))
                .check(CLASSES);
    }

    /** The model's shape and what it costs per token: no GPU, no number format, no side of the essay. */
    @Test
    void theModelRoomKnowsNothingOfHardwareServingTrainingOrMoney() {
        noClasses().that().resideInAPackage("loopline.engine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("loopline.engine.hardware..", "loopline.engine.training..",
                        "loopline.engine.serving..", "loopline.engine.economics..")
                .check(CLASSES);
    }

    /** The loop and the straight line build on the model and the hardware, never on each other or on money. */
    @Test
    void trainingAndServingStandApart() {
        noClasses().that().resideInAPackage("loopline.engine.training..")
                .should().dependOnClassesThat().resideInAnyPackage("loopline.engine.serving..", "loopline.engine.economics..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("loopline.engine.serving..")
                .should().dependOnClassesThat().resideInAnyPackage("loopline.engine.training..", "loopline.engine.economics..")
                .check(CLASSES);
    }

    @Test
    void whatPeopleReadIsBuiltWithoutJavaFx() {
        noClasses().that().resideInAPackage("loopline.present..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.io..", "java.nio..")
                .check(CLASSES);
    }

    @Test
    void viewsBindToTheViewModelOnly() {
        // the view-model and its own nested types (the undo snapshot holds a document) may reach the files
        noClasses().that().resideInAPackage("loopline.ui..").and().haveNameNotMatching("loopline\\.ui\\.ExplorerViewModel(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("loopline.data..")
                .orShould().dependOnClassesThat().belongToAnyOf(loopline.present.Explanations.class, loopline.present.ChartsFactory.class)
                .orShould().dependOnClassesThat(describe("engine classes beyond the scenario's vocabulary",
                        (JavaClass c) -> c.getPackageName().startsWith("loopline.engine") && !SCENARIO_VOCABULARY.contains(
                                c.getName().substring(c.getPackageName().length() + 1))))
                .check(CLASSES);
    }

    @Test
    void filesAndCommandsDoNotKnowAboutTheWindow() {
        noClasses().that().resideInAnyPackage("loopline.data..", "loopline.cli..", "loopline.present..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }
}
