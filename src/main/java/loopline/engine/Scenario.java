package loopline.engine;

import loopline.engine.economics.Economics;
import loopline.engine.economics.EnergySetup;
import loopline.engine.model.ModelArchitecture;
import loopline.engine.serving.InferenceSetup;
import loopline.engine.training.TrainingSetup;

/** One model, how it is trained, how it is served, where its GPUs draw their power, how long it serves and how its GPU-hours are paid for. */
public record Scenario(String name, String description, ModelArchitecture model, TrainingSetup training,
                       InferenceSetup inference, EnergySetup energy, Economics economics) {

    /** This scenario with one field changed; the field's declaration knows where it lives. */
    public <T> Scenario with(ScenarioField<T> field, T value) {
        return field.with(this, value);
    }

    public Scenario withModel(ModelArchitecture m) {
        return RecordPaths.with(this, "model", m);
    }

    public Scenario withTraining(TrainingSetup t) {
        return RecordPaths.with(this, "training", t);
    }

    public Scenario withInference(InferenceSetup i) {
        return RecordPaths.with(this, "inference", i);
    }
}
