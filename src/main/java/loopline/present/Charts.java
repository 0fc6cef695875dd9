package loopline.present;

/** The seven charts of the explorer and the report, computed together from one estimate. */
public record Charts(BarData trainingMemory, BarData inferenceMemory, LineChartData trainingThroughput,
                     LineChartData servingThroughput, BarData trainingCost, LineChartData servingCost,
                     LineChartData lifetime) {
}
