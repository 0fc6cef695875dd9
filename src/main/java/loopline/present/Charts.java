package loopline.present;

/**
 * The seven charts of the explorer and the report, computed together from one estimate, and the training column's
 * heading, which names the method the charts show.
 */
public record Charts(ColumnHeading trainingHeading, BarData trainingMemory, BarData inferenceMemory, LineChartData trainingThroughput,
                     LineChartData servingThroughput, BarData trainingCost, LineChartData servingCost,
                     LineChartData lifetime) {
}
