package loopline.engine;

/** One model, how it is trained, how it is served, and how long it serves. */
public record Scenario(String name, String description, ModelArchitecture model, TrainingSetup training,
                       InferenceSetup inference, double horizonMonths) {

    public Scenario withModel(ModelArchitecture m) {
        return new Scenario(name, description, m, training, inference, horizonMonths);
    }

    public Scenario withTraining(TrainingSetup t) {
        return new Scenario(name, description, model, t, inference, horizonMonths);
    }

    public Scenario withInference(InferenceSetup i) {
        return new Scenario(name, description, model, training, i, horizonMonths);
    }
}
